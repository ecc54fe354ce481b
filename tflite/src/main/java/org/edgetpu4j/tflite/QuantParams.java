package org.edgetpu4j.tflite;

import java.util.Objects;

/**
 * Affine quantization of a tensor: a stored value {@code q} means {@code scale * (q - zeroPoint)}.
 *
 * <p>One scale/zero-point pair covers the whole tensor, or one pair per slice along {@code
 * quantizedDimension} (per-channel weights). {@code min}/{@code max} are the float ranges some
 * converters record; {@code custom} holds opaque custom quantization data. A tensor that is not
 * quantized has {@link #NONE}.
 */
public record QuantParams(
    FloatArray scale,
    LongArray zeroPoint,
    int quantizedDimension,
    FloatArray min,
    FloatArray max,
    ByteArray custom) {

  /** No quantization. */
  public static final QuantParams NONE =
      new QuantParams(
          FloatArray.empty(),
          LongArray.empty(),
          0,
          FloatArray.empty(),
          FloatArray.empty(),
          ByteArray.empty());

  /** Checks that no component is null. */
  public QuantParams {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(zeroPoint, "zeroPoint");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(custom, "custom");
  }

  /** Per-tensor parameters. */
  public static QuantParams perTensor(float scale, long zeroPoint) {
    return new QuantParams(
        FloatArray.of(scale),
        LongArray.of(zeroPoint),
        0,
        FloatArray.empty(),
        FloatArray.empty(),
        ByteArray.empty());
  }

  /** Per-channel parameters along {@code dimension}. */
  public static QuantParams perChannel(float[] scales, long[] zeroPoints, int dimension) {
    return new QuantParams(
        FloatArray.of(scales),
        LongArray.of(zeroPoints),
        dimension,
        FloatArray.empty(),
        FloatArray.empty(),
        ByteArray.empty());
  }

  /** True when there is at least one scale. */
  public boolean isQuantized() {
    return !scale.isEmpty();
  }

  /** True when there is more than one scale (one per channel). */
  public boolean isPerChannel() {
    return scale.length() > 1;
  }

  /** True when nothing at all is recorded. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The real value of {@code q} under the first (or only) scale and zero point. */
  public float dequantize(long q) {
    return scale.get(0) * (q - zeroPoint.get(0));
  }

  /**
   * The stored value for real value {@code real} under the first (or only) scale and zero point,
   * {@code round(real / scale) + zeroPoint}, clamped to {@code [qmin, qmax]}. Rounds half away from
   * zero, like TFLite's quantize kernel.
   */
  public long quantize(float real, long qmin, long qmax) {
    double x = real / scale.get(0); // float division, as TFLite does it
    long rounded = (long) (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));
    return Math.max(qmin, Math.min(qmax, rounded + zeroPoint.get(0)));
  }
}
