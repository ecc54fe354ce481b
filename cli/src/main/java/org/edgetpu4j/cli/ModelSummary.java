package org.edgetpu4j.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.SignatureDef;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;

/**
 * What {@code inspect} reports about a model, as plain values: rendered as text by {@link
 * InspectText} and as JSON by Jackson (field names are the JSON keys).
 *
 * @param file the file name
 * @param fileBytes the file's size
 * @param schemaVersion the schema version
 * @param description the model's description
 * @param minRuntimeVersion the {@code min_runtime_version} metadata, or null
 * @param operatorCodes the operator-code table
 * @param subgraphs every subgraph with its operators and tensors
 * @param metadata metadata entries
 * @param signatures signature definitions
 * @param size where the file's bytes go
 * @param edgetpuCustomOps operators that carry a compiled Edge TPU package
 */
public record ModelSummary(
    String file,
    long fileBytes,
    long schemaVersion,
    String description,
    String minRuntimeVersion,
    List<OpCode> operatorCodes,
    List<Graph> subgraphs,
    List<MetadataEntry> metadata,
    List<Signature> signatures,
    Size size,
    List<EdgeTpuOp> edgetpuCustomOps) {

  /** Name of the custom operator holding an Edge TPU compiled package. */
  public static final String EDGETPU_CUSTOM_OP = "edgetpu-custom-op";

  /** An operator-code table entry. */
  public record OpCode(int index, String opcode, int version) {}

  /** A subgraph. */
  public record Graph(
      int index,
      String name,
      int[] inputs,
      int[] outputs,
      List<Op> operators,
      List<TensorInfo> tensors) {}

  /** An operator with its resolved code and options. */
  public record Op(
      int index,
      String opcode,
      int version,
      int[] inputs,
      int[] outputs,
      String optionsType,
      Map<String, Object> options,
      int customOptionsBytes) {}

  /** A tensor. */
  public record TensorInfo(
      int index,
      String name,
      String type,
      int[] shape,
      int[] shapeSignature,
      int buffer,
      int constantBytes,
      Quantization quantization) {}

  /** Quantization parameters; null on tensors that are not quantized. */
  public record Quantization(float[] scale, long[] zeroPoint, int quantizedDimension) {}

  /** A metadata entry. */
  public record MetadataEntry(String name, int buffer, int bytes) {}

  /** A signature definition. */
  public record Signature(
      String key, int subgraph, Map<String, Integer> inputs, Map<String, Integer> outputs) {}

  /**
   * Where the bytes of the file go.
   *
   * @param buffers number of buffers
   * @param constantTensorBytes bytes of constant tensor data
   * @param metadataBytes bytes of metadata buffers
   * @param customOptionsBytes bytes of custom operator options (Edge TPU packages live here)
   * @param structureBytes everything else: tables, vectors, strings, padding
   */
  public record Size(
      int buffers,
      long constantTensorBytes,
      long metadataBytes,
      long customOptionsBytes,
      long structureBytes) {}

  /**
   * An operator running an Edge TPU compiled package.
   *
   * @param subgraph subgraph index
   * @param operator operator index
   * @param packageBytes bytes of the custom options
   * @param pkg the decoded package, null when it cannot be read
   * @param problem why the package cannot be read, empty when it can
   */
  public record EdgeTpuOp(
      int subgraph,
      int operator,
      int packageBytes,
      org.edgetpu4j.validator.edgetpu.EdgeTpuPackage pkg,
      String problem) {}

  /** Summarises {@code model}, read from {@code file} of {@code fileBytes} bytes. */
  public static ModelSummary of(Model model, String file, long fileBytes) {
    List<OpCode> codes = new ArrayList<>();
    for (int i = 0; i < model.operatorCodes().size(); i++) {
      OperatorCode c = model.operatorCodes().get(i);
      codes.add(new OpCode(i, c.displayName(), c.version()));
    }
    List<Graph> graphs = new ArrayList<>();
    List<EdgeTpuOp> edgetpu = new ArrayList<>();
    long custom = 0;
    Set<Integer> constantBuffers = new HashSet<>();
    for (int s = 0; s < model.subgraphs().size(); s++) {
      Subgraph g = model.subgraphs().get(s);
      List<Op> ops = new ArrayList<>();
      for (int o = 0; o < g.operators().size(); o++) {
        Operator op = g.operators().get(o);
        OperatorCode c = model.opcode(op);
        var options = op.builtinOptions().isNone() ? op.builtinOptions2() : op.builtinOptions();
        ops.add(
            new Op(
                o,
                c.displayName(),
                c.version(),
                op.inputs().toArray(),
                op.outputs().toArray(),
                options.type(),
                options.describe(),
                op.customOptions().length()));
        custom += op.customOptions().length();
        if (c.isCustom() && c.customCode().orElse("").equals(EDGETPU_CUSTOM_OP)) {
          org.edgetpu4j.validator.edgetpu.EdgeTpuPackage decoded = null;
          String problem = "";
          try {
            decoded = org.edgetpu4j.validator.edgetpu.EdgeTpuPackage.decode(op.customOptions());
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
          }
          edgetpu.add(new EdgeTpuOp(s, o, op.customOptions().length(), decoded, problem));
        }
      }
      List<TensorInfo> tensors = new ArrayList<>();
      for (int t = 0; t < g.tensors().size(); t++) {
        Tensor tensor = g.tensor(t);
        int bytes = model.data(tensor).length();
        if (bytes > 0) {
          constantBuffers.add(tensor.buffer());
        }
        QuantParams q = tensor.quantization();
        tensors.add(
            new TensorInfo(
                t,
                tensor.name(),
                tensor.type().name(),
                tensor.shape().toArray(),
                tensor.shapeSignature().toArray(),
                tensor.buffer(),
                bytes,
                q.isQuantized()
                    ? new Quantization(
                        q.scale().toArray(), q.zeroPoint().toArray(), q.quantizedDimension())
                    : null));
      }
      graphs.add(new Graph(s, g.name(), g.inputs().toArray(), g.outputs().toArray(), ops, tensors));
    }
    long constant =
        constantBuffers.stream().mapToLong(b -> model.buffers().get(b).data().length()).sum();
    List<MetadataEntry> metadata = new ArrayList<>();
    Set<Integer> metadataBuffers = new HashSet<>();
    for (var m : model.metadata()) {
      int bytes = model.buffers().get(m.buffer()).data().length();
      metadata.add(new MetadataEntry(m.name(), m.buffer(), bytes));
      if (!constantBuffers.contains(m.buffer())) {
        metadataBuffers.add(m.buffer());
      }
    }
    long metadataBytes =
        metadataBuffers.stream().mapToLong(b -> model.buffers().get(b).data().length()).sum();
    List<Signature> signatures = new ArrayList<>();
    for (SignatureDef sig : model.signatureDefs()) {
      signatures.add(
          new Signature(sig.key(), sig.subgraphIndex(), names(sig.inputs()), names(sig.outputs())));
    }
    Size size =
        new Size(
            model.buffers().size(),
            constant,
            metadataBytes,
            custom,
            Math.max(0, fileBytes - constant - metadataBytes - custom));
    return new ModelSummary(
        file,
        fileBytes,
        model.version(),
        model.description(),
        model.minRuntimeVersion().orElse(null),
        codes,
        graphs,
        metadata,
        signatures,
        size,
        edgetpu);
  }

  private static Map<String, Integer> names(List<SignatureDef.TensorMap> maps) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (SignatureDef.TensorMap m : maps) {
      out.put(m.name(), m.tensorIndex());
    }
    return out;
  }
}
