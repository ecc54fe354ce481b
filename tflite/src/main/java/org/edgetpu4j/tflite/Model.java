package org.edgetpu4j.tflite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole TFLite model as an immutable value. Read one with {@link
 * org.edgetpu4j.tflite.io.TfliteReader}, write one with {@link
 * org.edgetpu4j.tflite.io.TfliteWriter}.
 *
 * @param version schema version (3 for every model current runtimes load)
 * @param operatorCodes the operator-code table operators index into
 * @param subgraphs subgraph 0 is the main graph; others are bodies of control-flow operators
 * @param description free text, empty when the file has none
 * @param buffers raw data buffers; buffer 0 is the empty sentinel
 * @param metadataBuffer deprecated list of buffer indices holding metadata
 * @param metadata named metadata entries
 * @param signatureDefs named entry points
 */
public record Model(
    long version,
    List<OperatorCode> operatorCodes,
    List<Subgraph> subgraphs,
    String description,
    List<Buffer> buffers,
    IntArray metadataBuffer,
    List<Metadata> metadata,
    List<SignatureDef> signatureDefs) {

  /** The schema version this library reads and writes. */
  public static final long SCHEMA_VERSION = 3;

  /** Name of the metadata entry in which converters record the oldest runtime that can run it. */
  public static final String MIN_RUNTIME_VERSION = "min_runtime_version";

  /** Checks that no component is null and copies the lists. */
  public Model {
    operatorCodes = List.copyOf(operatorCodes);
    subgraphs = List.copyOf(subgraphs);
    Objects.requireNonNull(description, "description");
    buffers = List.copyOf(buffers);
    Objects.requireNonNull(metadataBuffer, "metadataBuffer");
    metadata = List.copyOf(metadata);
    signatureDefs = List.copyOf(signatureDefs);
  }

  /** Subgraph 0, the main graph. */
  public Subgraph mainSubgraph() {
    return subgraphs.get(0);
  }

  /** The operator code of {@code op}. */
  public OperatorCode opcode(Operator op) {
    return operatorCodes.get(op.opcodeIndex());
  }

  /**
   * The constant data of {@code tensor}: its buffer's bytes, empty for non-constant tensors. Buffer
   * 0 is the empty sentinel; a model without buffers may still refer to it.
   */
  public ByteArray data(Tensor tensor) {
    if (tensor.buffer() == 0 && buffers.isEmpty()) {
      return ByteArray.empty();
    }
    return buffers.get(tensor.buffer()).data();
  }

  /** True when {@code tensor} has constant data. */
  public boolean isConstant(Tensor tensor) {
    return !data(tensor).isEmpty();
  }

  /** The bytes of the metadata entry called {@code name}, if there is one. */
  public Optional<ByteArray> metadata(String name) {
    return metadata.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .map(m -> buffers.get(m.buffer()).data());
  }

  /**
   * The oldest TFLite runtime the converter says can run this model ({@code min_runtime_version}
   * metadata, a NUL-padded string), if recorded.
   */
  public Optional<String> minRuntimeVersion() {
    return metadata(MIN_RUNTIME_VERSION)
        .map(
            bytes -> {
              byte[] b = bytes.toArray();
              int end = 0;
              while (end < b.length && b[end] != 0) {
                end++;
              }
              return new String(b, 0, end, StandardCharsets.UTF_8);
            });
  }
}
