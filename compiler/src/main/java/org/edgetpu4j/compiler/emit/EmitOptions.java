package org.edgetpu4j.compiler.emit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to emit.
 *
 * @param inputs the graph's input placeholders, in model input order, with optional static shapes
 * @param outputs the graph's output tensors, in model output order
 * @param precision integer scheme of the model's interior
 * @param ioType element type of the model's inputs and outputs
 * @param targetRuntime oldest TFLite runtime the model must load on, if any (for example {@code
 *     1.13.1}); emission then only uses encodings that runtime accepts, or fails naming the op
 */
public record EmitOptions(
    List<IoSpec> inputs,
    List<String> outputs,
    Precision precision,
    IoType ioType,
    Optional<String> targetRuntime) {

  /** Checks and copies the lists. */
  public EmitOptions {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(ioType, "ioType");
    Objects.requireNonNull(targetRuntime, "targetRuntime");
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException("name at least one input and one output");
    }
  }

  /** Int8 interior with uint8 inputs and outputs, the usual choice for the Edge TPU. */
  public static EmitOptions of(List<IoSpec> inputs, List<String> outputs) {
    return new EmitOptions(inputs, outputs, Precision.INT8, IoType.UINT8, Optional.empty());
  }

  /** These options with another precision. */
  public EmitOptions withPrecision(Precision p) {
    return new EmitOptions(inputs, outputs, p, ioType, targetRuntime);
  }

  /** These options with another input/output type. */
  public EmitOptions withIoType(IoType t) {
    return new EmitOptions(inputs, outputs, precision, t, targetRuntime);
  }

  /** These options with a target runtime. */
  public EmitOptions withTargetRuntime(String version) {
    return new EmitOptions(inputs, outputs, precision, ioType, Optional.of(version));
  }

  /**
   * An input placeholder.
   *
   * @param name placeholder node name
   * @param shape static shape, or null to take the placeholder's own shape with batch 1
   */
  public record IoSpec(String name, long[] shape) {
    /** Checks the name. */
    public IoSpec {
      Objects.requireNonNull(name, "name");
      shape = shape == null ? null : shape.clone();
    }

    /** An input whose shape comes from the graph. */
    public static IoSpec named(String name) {
      return new IoSpec(name, null);
    }
  }

  /** Integer scheme of the model's interior. */
  public enum Precision {
    /** int8 activations, int8 symmetric (per-channel where trained so) weights: TFLite's spec. */
    INT8,
    /** uint8 activations and asymmetric per-tensor weights: the legacy TF1 scheme. */
    UINT8
  }

  /** Element type of the model's inputs and outputs. */
  public enum IoType {
    UINT8,
    INT8,
    FLOAT32
  }
}
