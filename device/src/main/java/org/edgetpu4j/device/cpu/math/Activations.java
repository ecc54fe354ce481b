package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.TensorType;

/** Clamping ranges of fused activations, in float and in quantized units. */
public final class Activations {
  private Activations() {}

  /** Smallest value of an integer type. */
  public static int qmin(TensorType t) {
    return switch (t) {
      case INT8 -> -128;
      case UINT8 -> 0;
      case INT16 -> -32768;
      default -> Integer.MIN_VALUE;
    };
  }

  /** Largest value of an integer type. */
  public static int qmax(TensorType t) {
    return switch (t) {
      case INT8 -> 127;
      case UINT8 -> 255;
      case INT16 -> 32767;
      default -> Integer.MAX_VALUE;
    };
  }

  /**
   * {@code [min, max]} in output units for {@code act} on a quantized output, as TFLite's
   * CalculateActivationRangeQuantized computes it.
   */
  public static int[] quantizedRange(Node node, Activation act, Slot out) {
    int lo = qmin(out.type);
    int hi = qmax(out.type);
    float scale = out.scale();
    int zp = out.zeroPoint();
    return switch (act) {
      case NONE -> new int[] {lo, hi};
      case RELU -> new int[] {Math.max(lo, zp + q(0f, scale)), hi};
      case RELU6 -> new int[] {Math.max(lo, zp + q(0f, scale)), Math.min(hi, zp + q(6f, scale))};
      case RELU_N1_TO_1 ->
          new int[] {Math.max(lo, zp + q(-1f, scale)), Math.min(hi, zp + q(1f, scale))};
      default -> throw node.fail("fused activation " + act + " is not supported");
    };
  }

  private static int q(float f, float scale) {
    return (int) QuantMath.roundHalfAway(f / scale);
  }

  /** {@code [min, max]} for {@code act} on a float output. */
  public static float[] floatRange(Node node, Activation act) {
    return switch (act) {
      case NONE -> new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
      case RELU -> new float[] {0f, Float.POSITIVE_INFINITY};
      case RELU6 -> new float[] {0f, 6f};
      case RELU_N1_TO_1 -> new float[] {-1f, 1f};
      default -> throw node.fail("fused activation " + act + " is not supported");
    };
  }

  /** {@code min(max(v, lo), hi)} for floats, as TFLite's ActivationFunctionWithMinMax. */
  public static float clamp(float v, float lo, float hi) {
    return Math.min(Math.max(v, lo), hi);
  }
}
