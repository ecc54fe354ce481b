package org.edgetpu4j.device.cpu.math;

/**
 * Fixed-point arithmetic of TFLite's integer kernels, in one place. Every integer kernel of the
 * interpreter computes through these functions, so "the CPU reference equals TFLite" can be checked
 * here.
 *
 * <p>A real multiplier {@code m} is represented as a Q31 mantissa {@code q} in {@code [2^30, 2^31)}
 * and a power-of-two exponent {@code shift} with {@code m ≈ q * 2^(shift - 31)}. Multiplication by
 * it uses the double-rounding scheme of TFLite's default build: a saturating rounding doubling high
 * multiply followed by a rounding arithmetic right shift (ties away from zero).
 */
public final class QuantMath {
  private QuantMath() {}

  /** A real multiplier as Q31 mantissa and exponent. */
  public record Multiplier(int multiplier, int shift) {}

  /**
   * Splits {@code real} into a Q31 mantissa and an exponent, rounding the mantissa half away from
   * zero. Zero gives (0, 0); exponents below -31 flush to (0, 0).
   */
  public static Multiplier quantizeMultiplier(double real) {
    if (real == 0.0) {
      return new Multiplier(0, 0);
    }
    int exp = Math.getExponent(real) + 1; // frexp: real = q * 2^exp with |q| in [0.5, 1)
    double q = real / Math.scalb(1.0, exp);
    if (Math.abs(q) < 0.5) { // subnormals
      int e = Math.getExponent(q) + 1;
      q = q / Math.scalb(1.0, e);
      exp += e;
    }
    long qFixed = roundHalfAway(q * (double) (1L << 31));
    if (qFixed == (1L << 31)) {
      qFixed /= 2;
      exp++;
    }
    if (exp < -31) {
      return new Multiplier(0, 0);
    }
    return new Multiplier((int) qFixed, exp);
  }

  /** Rounds half away from zero, like C's {@code round}. */
  public static long roundHalfAway(double x) {
    return (long) (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));
  }

  /** Rounds a float half away from zero, like C's {@code roundf}, returning a float. */
  public static float roundHalfAway(float x) {
    return (float) (x < 0 ? -Math.floor(-(double) x + 0.5) : Math.floor((double) x + 0.5));
  }

  /**
   * {@code a * b / 2^31} rounded as gemmlowp does (add {@code 2^30}, or {@code 1 - 2^30} for a
   * negative product, then truncate), saturating the single overflow case {@code a == b ==
   * Integer.MIN_VALUE}.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * (long) b;
    long nudge = ab >= 0 ? (1L << 30) : (1 - (1L << 30));
    long r = ab + nudge;
    // C++ integer division truncates toward zero
    return (int) (r >= 0 ? r >> 31 : -((-r) >> 31));
  }

  /** The 16-bit variant: {@code round(a * b / 2^15)}, saturating {@code a == b == -32768}. */
  public static short saturatingRoundingDoublingHighMul(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    int ab = a * b;
    int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    int r = ab + nudge;
    return (short) (r / (1 << 15));
  }

  /** {@code x / 2^exponent} rounded to nearest, ties away from zero. */
  public static int roundingDivideByPot(int x, int exponent) {
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /**
   * {@code x * multiplier * 2^(shift - 31)}, rounded: TFLite's default (double-rounding) {@code
   * MultiplyByQuantizedMultiplier}.
   */
  public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
    int leftShift = shift > 0 ? shift : 0;
    int rightShift = shift > 0 ? 0 : -shift;
    return roundingDivideByPot(
        saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
  }

  /** {@link #multiplyByQuantizedMultiplier(int, int, int)} with the multiplier as a record. */
  public static int multiply(int x, Multiplier m) {
    return multiplyByQuantizedMultiplier(x, m.multiplier(), m.shift());
  }

  /**
   * The 64-bit-input variant used by 16-bit kernels: the multiplier is reduced to 16 bits and one
   * rounding shift is applied.
   */
  public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
    int reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
    int totalShift = 15 - shift;
    long r = x * reduced + (1L << (totalShift - 1));
    return (int) (r >> totalShift);
  }

  /**
   * {@code 1 / sqrt(input)} as a multiplier and shift, for L2 normalization: TFLite's {@code
   * GetInvSqrtQuantizedMultiplierExp}, a fixed-point Newton iteration.
   *
   * @param input sum of squares, at least 0
   * @param reverseShift -1 for L2 normalization
   */
  public static Multiplier invSqrtQuantizedMultiplierExp(int input, int reverseShift) {
    if (input <= 1) {
      return new Multiplier(Integer.MAX_VALUE, 0);
    }
    int outputShift = 11;
    while (input >= (1 << 29)) {
      input /= 4;
      ++outputShift;
    }
    int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
    int maxLeftShiftBitPairs = maxLeftShiftBits / 2;
    int leftShiftBitPairs = maxLeftShiftBitPairs - 1;
    outputShift -= leftShiftBitPairs;
    input <<= 2 * leftShiftBitPairs;
    // gemmlowp FixedPoint<int32, 3> arithmetic: raw r means r / 2^28
    int half = roundingDivideByPot(input >> 1, 1);
    int halfThree = (1 << 28) + (1 << 27);
    int x = 1 << 28;
    for (int i = 0; i < 5; i++) {
      int x3 =
          saturatingLeftShift(
              saturatingRoundingDoublingHighMul(saturatingRoundingDoublingHighMul(x, x), x), 6);
      int diff =
          saturatingRoundingDoublingHighMul(halfThree, x)
              - saturatingRoundingDoublingHighMul(half, x3);
      x = saturatingLeftShift(diff, 3);
    }
    int multiplier = saturatingRoundingDoublingHighMul(x, 1518500250); // times sqrt(2)/2
    if (outputShift < 0) {
      multiplier <<= -outputShift;
      outputShift = 0;
    }
    return new Multiplier(multiplier, outputShift * reverseShift);
  }

  /** {@code x * 2^shift} saturated to the int range. */
  public static int saturatingLeftShift(int x, int shift) {
    long r = (long) x << shift;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
  }

  /**
   * A 256-entry lookup table for an 8-bit elementwise function, built like TFLite's LUT kernels:
   * dequantize in float, apply {@code fn}, divide by the output scale, round half away from zero,
   * add the output zero point, clamp. Index the table with {@code q & 0xFF}.
   *
   * @param signed true for int8, false for uint8
   */
  public static byte[] lut8(
      boolean signed,
      float inScale,
      int inZeroPoint,
      float outScale,
      int outZeroPoint,
      java.util.function.DoubleUnaryOperator fn) {
    byte[] table = new byte[256];
    float inverseScale = 1 / outScale;
    int min = signed ? -128 : 0;
    int max = signed ? 127 : 255;
    for (int v = min; v <= max; v++) {
      float dequantized = inScale * (v - inZeroPoint);
      float transformed = (float) fn.applyAsDouble(dequantized);
      float rescaled = roundHalfAway(transformed * inverseScale);
      int quantized = (int) (rescaled + outZeroPoint);
      table[v & 0xFF] = (byte) Math.max(min, Math.min(max, quantized));
    }
    return table;
  }

  /** Clamps {@code v} to {@code [lo, hi]}. */
  public static int clamp(int v, int lo, int hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
