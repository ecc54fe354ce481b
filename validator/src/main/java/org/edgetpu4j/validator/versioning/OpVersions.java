package org.edgetpu4j.validator.versioning;

import static org.edgetpu4j.tflite.TensorType.FLOAT32;
import static org.edgetpu4j.tflite.TensorType.INT16;
import static org.edgetpu4j.tflite.TensorType.INT4;
import static org.edgetpu4j.tflite.TensorType.INT8;

import java.util.Optional;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;

/**
 * Recomputes the version the TFLite converter assigns to an operator from its signature (tensor
 * types, per-channel weights, options), following the converter's first-match rules, and says which
 * property decided it.
 *
 * <p>The converter only ever raises an operator-code version, and all operators of one builtin
 * share one operator code, so the version a model needs for a builtin is the highest required by
 * any of its operators.
 */
public final class OpVersions {
  private OpVersions() {}

  /**
   * The version the converter would give {@code op}; empty for custom operators.
   *
   * @param model the model
   * @param subgraph the subgraph holding {@code op}
   * @param op the operator
   */
  public static Optional<RequiredVersion> required(Model model, Subgraph subgraph, Operator op) {
    BuiltinOp code = model.opcode(op).op();
    if (code == BuiltinOp.CUSTOM) {
      return Optional.empty();
    }
    Signature s = new Signature(model, subgraph, op);
    RequiredVersion v =
        switch (code) {
          case CONV_2D -> conv2d(s);
          case DEPTHWISE_CONV_2D -> depthwise(s);
          case FULLY_CONNECTED -> fullyConnected(s);
          case TRANSPOSE_CONV -> transposeConv(s);
          case MUL -> mul(s);
          default -> SimpleOpVersions.required(code, s);
        };
    return Optional.of(v);
  }

  private static RequiredVersion conv2d(Signature s) {
    if (s.types(INT16, INT8, INT16) && s.number("quantized_bias_type", 0) != 0) {
      return new RequiredVersion(
          8, "INT16 activations with INT8 weights and an explicit bias type");
    }
    Tensor in = s.input(0);
    Tensor filter = s.input(1);
    if (in != null
        && filter != null
        && in.rank() == 4
        && filter.rank() == 4
        && in.shape().get(3) != filter.shape().get(3)) {
      return new RequiredVersion(
          6,
          "grouped convolution (input has "
              + in.shape().get(3)
              + " channels, filter "
              + filter.shape().get(3)
              + ")");
    }
    if (s.in(0) == INT16 && s.in(1) == INT16 && s.out(0) == INT16) {
      return new RequiredVersion(4, "input, weights and output are INT16");
    }
    if (s.types(INT8, INT8, INT8)) {
      return new RequiredVersion(3, "input, weights and output are INT8");
    }
    if (s.types(INT8, INT4, INT8)) {
      return new RequiredVersion(7, "INT4 weights with INT8 activations");
    }
    if (s.types(FLOAT32, INT8, FLOAT32)) {
      return s.perChannel(1)
          ? new RequiredVersion(5, "hybrid: FLOAT32 activations with per-channel INT8 weights")
          : new RequiredVersion(2, "hybrid: FLOAT32 activations with per-tensor INT8 weights");
    }
    return new RequiredVersion(1, base(s));
  }

  private static RequiredVersion depthwise(Signature s) {
    if (s.in(0) == INT16 && s.in(1) == INT16 && s.out(0) == INT16) {
      return new RequiredVersion(5, "input, weights and output are INT16");
    }
    if (s.types(FLOAT32, INT8, FLOAT32)) {
      return s.perChannel(1)
          ? new RequiredVersion(6, "hybrid: FLOAT32 activations with per-channel INT8 weights")
          : new RequiredVersion(4, "hybrid: FLOAT32 activations with per-tensor INT8 weights");
    }
    if (s.types(INT8, INT8, INT8)) {
      return new RequiredVersion(3, "input, weights and output are INT8");
    }
    if (s.types(INT8, INT4, INT8)) {
      return new RequiredVersion(7, "INT4 weights with INT8 activations");
    }
    if (s.number("dilation_w_factor", 1) != 1 || s.number("dilation_h_factor", 1) != 1) {
      return new RequiredVersion(2, "dilation factor other than 1");
    }
    return new RequiredVersion(1, base(s));
  }

  private static RequiredVersion fullyConnected(Signature s) {
    if (s.types(INT16, INT4, INT16)) {
      return new RequiredVersion(13, "INT16 activations with INT4 weights");
    }
    if (s.types(FLOAT32, INT8, FLOAT32) && s.perChannel(1)) {
      return new RequiredVersion(12, "hybrid: FLOAT32 activations with per-channel INT8 weights");
    }
    if (s.types(INT16, INT8, INT16) && s.number("quantized_bias_type", 0) != 0) {
      return new RequiredVersion(11, "INT16 activations with INT8 weights and explicit bias type");
    }
    Tensor w = s.input(1);
    if (w != null && w.sparsity().isPresent()) {
      return new RequiredVersion(8, "sparse weights");
    }
    if (s.types(INT16, INT16, INT16)) {
      return new RequiredVersion(7, "input, weights and output are INT16");
    }
    if (s.inputCount() == 2) {
      return new RequiredVersion(6, "only two inputs (no bias slot)");
    }
    if (s.flag("keep_num_dims")) {
      return new RequiredVersion(5, "keep_num_dims is true");
    }
    if (s.types(INT8, INT8, INT8)) {
      return new RequiredVersion(4, "input, weights and output are INT8");
    }
    if (s.types(INT8, INT4, INT8)) {
      return new RequiredVersion(10, "INT4 weights with INT8 activations");
    }
    if (s.types(FLOAT32, INT8, FLOAT32)) {
      return s.flag("asymmetric_quantize_inputs")
          ? new RequiredVersion(9, "hybrid with asymmetrically quantized inputs")
          : new RequiredVersion(3, "hybrid: FLOAT32 activations with INT8 weights");
    }
    if (s.number("weights_format", 0) != 0) {
      return new RequiredVersion(2, "shuffled 4x16 INT8 weights format");
    }
    return new RequiredVersion(1, base(s));
  }

  private static RequiredVersion transposeConv(Signature s) {
    // Inputs: output shape, weights, activation, optional bias.
    if (s.in(0) == INT16 && s.in(1) == INT8 && s.out(0) == INT16
        || s.in(2) == INT16 && s.in(1) == INT8 && s.out(0) == INT16) {
      if (s.number("quantized_bias_type", 0) != 0) {
        return new RequiredVersion(5, "INT16 activations with INT8 weights and explicit bias type");
      }
    }
    if (s.options().has("fused_activation_function")
        && s.options().getLong("fused_activation_function") != Activation.NONE.code()) {
      return new RequiredVersion(
          4,
          "fused activation "
              + Activation.nameOf(s.options().getLong("fused_activation_function"))
              + " (only NONE before v4)");
    }
    if (s.inputCount() == 4 && s.in(3) != null) {
      return new RequiredVersion(3, "has a bias input");
    }
    if (s.in(1) == INT8) {
      return new RequiredVersion(2, "INT8 weights");
    }
    return new RequiredVersion(1, base(s));
  }

  private static RequiredVersion mul(Signature s) {
    if (s.in(0) == INT16 && !isQuantized(s.input(0))) {
      return new RequiredVersion(7, "INT16 inputs that are not quantized");
    }
    if (s.in(0) == org.edgetpu4j.tflite.TensorType.UINT32) {
      return new RequiredVersion(7, "UINT32 inputs");
    }
    if (s.in(0) == org.edgetpu4j.tflite.TensorType.COMPLEX64) {
      return new RequiredVersion(6, "COMPLEX64 inputs");
    }
    if (s.in(0) == org.edgetpu4j.tflite.TensorType.INT64) {
      return new RequiredVersion(5, "INT64 inputs");
    }
    if (s.in(0) == INT16) {
      return new RequiredVersion(4, "INT16 inputs");
    }
    float a = s.inScale(0);
    float b = s.inScale(1);
    float o = s.outScale();
    if (a != 0 && b != 0 && o != 0 && a * b / o >= 1.0f) {
      return new RequiredVersion(
          3, "input scales multiplied and divided by the output scale give " + a * b / o + " >= 1");
    }
    if (s.in(0) == INT8) {
      return new RequiredVersion(2, "inputs are INT8");
    }
    return new RequiredVersion(1, base(s));
  }

  private static boolean isQuantized(Tensor t) {
    return t != null && t.quantization().isQuantized();
  }

  /** The reason for version 1: the input type, which needs nothing newer. */
  static String base(Signature s) {
    return s.in(0) == null
        ? "no property needs a newer version"
        : "input is " + s.in(0) + ", which version 1 handles";
  }
}
