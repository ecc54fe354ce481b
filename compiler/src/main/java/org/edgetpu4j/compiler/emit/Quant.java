package org.edgetpu4j.compiler.emit;

import java.util.Arrays;
import org.edgetpu4j.tflite.QuantParams;

/**
 * Quantization of one tensor as the TFLite converter derives it from FakeQuant ranges: scales kept
 * in double precision (biases are quantized with the product of double scales), zero points nudged
 * to integers, and the storage range the values are clamped to.
 *
 * @param scales one scale, or one per channel
 * @param zeroPoints zero points matching {@code scales}
 * @param dimension the channel dimension for per-channel parameters
 * @param qmin smallest stored value
 * @param qmax largest stored value
 */
record Quant(double[] scales, long[] zeroPoints, int dimension, long qmin, long qmax) {

  /**
   * Parameters for a FakeQuant range {@code [min, max]} per channel, as the converter computes
   * them: in double precision, zero point estimated from whichever end has the smaller rounding
   * error, then clamped and rounded; an empty range gets scale 1.
   */
  static Quant fromRange(
      double[] mins, double[] maxs, int bits, boolean narrow, boolean signed, int dimension) {
    long qmin = signed ? -(1L << (bits - 1)) : 0;
    long qmax = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    if (narrow) {
      qmin += 1;
    }
    double[] scales = new double[mins.length];
    long[] zps = new long[mins.length];
    for (int c = 0; c < mins.length; c++) {
      double rmin = mins[c];
      double rmax = maxs[c];
      if (Math.abs(rmax - rmin) < Math.ulp(1.0)) {
        scales[c] = 1.0;
        zps[c] = qmin;
        continue;
      }
      double scale = (rmax - rmin) / ((double) qmax - qmin);
      double fromMin = qmin - rmin / scale;
      double fromMinError = Math.abs((double) qmin) + Math.abs(rmin / scale);
      double fromMax = qmax - rmax / scale;
      double fromMaxError = Math.abs((double) qmax) + Math.abs(rmax / scale);
      double zp = fromMinError < fromMaxError ? fromMin : fromMax;
      scales[c] = scale;
      zps[c] = zp < qmin ? qmin : zp > qmax ? qmax : roundHalfAway(zp);
    }
    return new Quant(scales, zps, dimension, qmin, qmax);
  }

  /** Per-tensor parameters with the given scale and zero point over {@code [qmin, qmax]}. */
  static Quant of(double scale, long zeroPoint, long qmin, long qmax) {
    return new Quant(new double[] {scale}, new long[] {zeroPoint}, 0, qmin, qmax);
  }

  /** Bias parameters: int32, zero point 0, scale input scale times each weight scale. */
  static Quant bias(Quant input, Quant weights) {
    double[] scales = new double[weights.scales.length];
    for (int c = 0; c < scales.length; c++) {
      scales[c] = input.scales[0] * weights.scales[c];
    }
    return new Quant(scales, new long[scales.length], 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The stored value of {@code real} in channel {@code channel}: round, then clamp. */
  long quantize(double real, int channel) {
    int c = scales.length == 1 ? 0 : channel;
    double scaled = real / scales[c] + zeroPoints[c];
    long q = roundHalfAway(scaled);
    return Math.max(qmin, Math.min(qmax, q));
  }

  /** The same parameters stored 128 higher or lower (int8 and uint8 views of one quantization). */
  Quant shifted(long offset) {
    long[] zps = zeroPoints.clone();
    for (int i = 0; i < zps.length; i++) {
      zps[i] += offset;
    }
    return new Quant(scales, zps, dimension, qmin + offset, qmax + offset);
  }

  boolean isPerChannel() {
    return scales.length > 1;
  }

  /** The record form stored in the model (scales as float). */
  QuantParams params() {
    float[] f = new float[scales.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) scales[i];
    }
    return QuantParams.perChannel(f, zeroPoints.clone(), dimension);
  }

  /** True when both describe the same stored-to-real mapping (as stored in a model). */
  boolean sameAs(Quant other) {
    return Arrays.equals(params().scale().toArray(), other.params().scale().toArray())
        && Arrays.equals(zeroPoints, other.zeroPoints);
  }

  static long roundHalfAway(double x) {
    double a = Math.abs(x);
    double f = Math.floor(a);
    double r = a - f >= 0.5 ? f + 1 : f;
    return (long) Math.copySign(r, x);
  }
}
