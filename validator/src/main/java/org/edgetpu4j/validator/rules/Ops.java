package org.edgetpu4j.validator.rules;

import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/** Facts about operator slots and quantized types that several rules share. */
final class Ops {
  private Ops() {}

  /** True for the 8-bit integer types the Edge TPU computes in. */
  static boolean is8Bit(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.UINT8;
  }

  /** True for integer types that carry quantization parameters when quantized. */
  static boolean isQuantizable(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.UINT8 || t == TensorType.INT16;
  }

  /** Smallest stored value of {@code t}. */
  static long qmin(TensorType t) {
    return switch (t) {
      case INT8 -> -128;
      case UINT8 -> 0;
      case INT16 -> -32768;
      case INT32 -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  /** Largest stored value of {@code t}. */
  static long qmax(TensorType t) {
    return switch (t) {
      case INT8 -> 127;
      case UINT8 -> 255;
      case INT16 -> 32767;
      case INT32 -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /** True for operators with a weights tensor (and optional bias). */
  static boolean hasWeights(BuiltinOp op) {
    return op == BuiltinOp.CONV_2D
        || op == BuiltinOp.DEPTHWISE_CONV_2D
        || op == BuiltinOp.FULLY_CONNECTED
        || op == BuiltinOp.TRANSPOSE_CONV;
  }

  /** The input slot of the weights. */
  static int weightSlot(BuiltinOp op) {
    return 1;
  }

  /** The input slot of the activation the weights multiply. */
  static int activationSlot(BuiltinOp op) {
    return op == BuiltinOp.TRANSPOSE_CONV ? 2 : 0;
  }

  /** The input slot of the bias. */
  static int biasSlot(BuiltinOp op) {
    return op == BuiltinOp.TRANSPOSE_CONV ? 3 : 2;
  }

  /** The dimension per-channel weight scales run along. */
  static int channelAxis(BuiltinOp op) {
    return op == BuiltinOp.DEPTHWISE_CONV_2D ? 3 : 0;
  }

  /**
   * True when tensor {@code t} is an INT16 state of an 8-bit integer LSTM: TFLite's integer LSTM
   * kernels keep the cell state in INT16 by design while activations and weights stay 8-bit, so
   * this is not 16x8 quantization (the Edge TPU compiler maps such an LSTM).
   */
  static boolean isIntegerLstmState(RuleContext ctx, int i, int t) {
    BuiltinOp code = ctx.code(i);
    if (code != BuiltinOp.UNIDIRECTIONAL_SEQUENCE_LSTM && code != BuiltinOp.LSTM) {
      return false;
    }
    Tensor tensor = ctx.tensor(t);
    Tensor in = ctx.tensor(ctx.op(i).input(0));
    if (tensor == null || tensor.type() != TensorType.INT16 || in == null || !is8Bit(in.type())) {
      return false;
    }
    var inputs = ctx.op(i).inputs();
    // Slot 19 is the cell state; variable tensors are the states the kernel updates in place.
    return (inputs.length() > 19 && inputs.get(19) == t) || tensor.isVariable();
  }

  /** The shape of {@code t} as text, e.g. {@code [1, 28, 28, 1]}. */
  static String shape(Tensor t) {
    return t.shape().toString();
  }
}
