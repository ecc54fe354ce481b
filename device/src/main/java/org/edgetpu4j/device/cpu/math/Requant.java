package org.edgetpu4j.device.cpu.math;

/**
 * Per-channel requantization of a row of int32 accumulators to 8-bit outputs: {@code out[c] =
 * clamp(multiplyByQuantizedMultiplier(acc[c] + base[c], mult[c], shift[c]) + outZp, lo, hi)}. The
 * vector form ({@link RequantSimd}) is used when the Vector API and 64-bit lanes are available; the
 * scalar form calls {@link QuantMath} and gives the same bits. Immutable.
 */
public final class Requant {
  /** True when {@link RequantSimd} is used. */
  static final boolean SIMD =
      Dot.SIMD
          && !"false".equals(System.getProperty("edgetpu4j.simdrequant"))
          && RequantSimd.supported();

  final int channels;
  final int[] base;
  final int[] mult;
  final int[] shift;
  final int[] left;
  final int[] right;
  final long[] multLong;
  final int[] mask;
  final int[] halfMask;
  final int outZp;
  final int lo;
  final int hi;
  private final boolean simd;

  /**
   * @param base per-channel value added to the accumulator first (bias and offset terms)
   * @param mult per-channel Q31 multipliers
   * @param shift per-channel exponents
   */
  Requant(int[] base, int[] mult, int[] shift, int outZp, int lo, int hi) {
    this.channels = base.length;
    this.base = base;
    this.mult = mult;
    this.shift = shift;
    this.outZp = outZp;
    this.lo = lo;
    this.hi = hi;
    this.left = new int[channels];
    this.right = new int[channels];
    this.multLong = new long[channels];
    this.mask = new int[channels];
    this.halfMask = new int[channels];
    boolean ok = true;
    for (int c = 0; c < channels; c++) {
      left[c] = Math.max(shift[c], 0);
      right[c] = Math.max(-shift[c], 0);
      multLong[c] = mult[c];
      mask[c] = right[c] >= 31 ? Integer.MAX_VALUE : (1 << right[c]) - 1;
      halfMask[c] = mask[c] >> 1;
      // the vector path has no saturation branch: it needs a multiplier other than MIN_VALUE
      ok &= mult[c] != Integer.MIN_VALUE && right[c] < 32;
    }
    this.simd = SIMD && ok;
  }

  /**
   * The same requantization for {@code pixels} consecutive pixels: channels repeated, so that one
   * call covers {@code pixels * channels} accumulators and outputs.
   */
  Requant repeat(int pixels) {
    int n = channels * pixels;
    int[] b = new int[n];
    int[] mu = new int[n];
    int[] sh = new int[n];
    for (int i = 0; i < n; i++) {
      b[i] = base[i % channels];
      mu[i] = mult[i % channels];
      sh[i] = shift[i % channels];
    }
    return new Requant(b, mu, sh, outZp, lo, hi);
  }

  /** Requantizes {@code acc[0..channels)} into {@code out[oo..]}. */
  void run(int[] acc, byte[] out, int oo) {
    run(acc, 0, out, oo);
  }

  /** Requantizes {@code acc[0..channels)} with {@code extra} added to every accumulator. */
  void run(int[] acc, int extra, byte[] out, int oo) {
    run(acc, 0, extra, out, oo);
  }

  /** Requantizes {@code acc[ao..ao + channels)} with {@code extra} added to every accumulator. */
  void run(int[] acc, int ao, int extra, byte[] out, int oo) {
    int c = simd ? RequantSimd.run(this, acc, ao, extra, out, oo) : 0;
    for (; c < channels; c++) {
      out[oo + c] = scalar(acc[ao + c] + extra, c);
    }
  }

  /** Requantizes with the scalar path only (for tests). */
  void runScalar(int[] acc, int extra, byte[] out, int oo) {
    for (int c = 0; c < channels; c++) {
      out[oo + c] = scalar(acc[c] + extra, c);
    }
  }

  /** The scalar requantization of one accumulator of channel {@code c}. */
  byte scalar(int acc, int c) {
    int v = QuantMath.multiplyByQuantizedMultiplier(acc + base[c], mult[c], shift[c]) + outZp;
    return (byte) QuantMath.clamp(v, lo, hi);
  }
}
