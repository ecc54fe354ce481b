package org.edgetpu4j.device.cpu.math;

/** Run-time input quantization of TFLite's hybrid (dynamic-range) kernels. */
public final class HybridQuant {
  private HybridQuant() {}

  /**
   * Quantizes {@code values} to int8 with a scale and zero point covering {@code [min(0, lo),
   * max(0, hi)]} (TFLite's AsymmetricQuantizeFloats).
   */
  public static void asymmetricQuantize(float[] values, byte[] q, float[] scaleOut, int[] zpOut) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double rmin = Math.min(0f, lo);
    double rmax = Math.max(0f, hi);
    if (rmin == rmax) {
      java.util.Arrays.fill(q, (byte) 0);
      scaleOut[0] = 1f;
      zpOut[0] = 0;
      return;
    }
    double qmin = -128;
    double qmax = 127;
    double scale = (rmax - rmin) / (qmax - qmin);
    double zpFromMin = qmin - rmin / scale;
    double zpFromMax = qmax - rmax / scale;
    double zpFromMinError = Math.abs(qmin) + Math.abs(rmin / scale);
    double zpFromMaxError = Math.abs(qmax) + Math.abs(rmax / scale);
    double zpDouble = zpFromMinError < zpFromMaxError ? zpFromMin : zpFromMax;
    int zp;
    if (zpDouble <= qmin) {
      zp = -128;
    } else if (zpDouble >= qmax) {
      zp = 127;
    } else {
      zp = (int) QuantMath.roundHalfAway(zpDouble);
    }
    float factor = (float) scale;
    scaleOut[0] = factor;
    zpOut[0] = zp;
    float inv = 1.0f / factor;
    for (int i = 0; i < values.length; i++) {
      int v = (int) QuantMath.roundHalfAway(zp + values[i] * inv);
      q[i] = (byte) Math.min(127, Math.max(-128, v));
    }
  }

  /**
   * Quantizes {@code values} symmetrically to int8 (TFLite's SymmetricQuantizeFloats), returning
   * the scale.
   */
  public static float symmetricQuantize(float[] values, int from, int size, byte[] q) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (int i = from; i < from + size; i++) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    float range = Math.max(Math.abs(lo), Math.abs(hi));
    if (range == 0) {
      java.util.Arrays.fill(q, from, from + size, (byte) 0);
      return 1f;
    }
    float factor = range / 127f;
    float inv = 127f / range;
    for (int i = from; i < from + size; i++) {
      int v = (int) QuantMath.roundHalfAway(values[i] * inv);
      q[i] = (byte) Math.min(127, Math.max(-127, v));
    }
    return factor;
  }
}
