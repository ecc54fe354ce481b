package org.edgetpu4j.device.cpu.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API form of {@link Dot}: bytes are widened to int lanes, multiplied and summed.
 * Loaded only when the {@code jdk.incubator.vector} module is present.
 */
public final class DotSimd {
  private static final VectorSpecies<Integer> I =
      IntVector.SPECIES_PREFERRED.length() > 8
          ? IntVector.SPECIES_256
          : IntVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Byte> B =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(I.length() * 8));
  private static final int LANES = I.length();

  private DotSimd() {}

  /** The int species of the dot products. */
  static VectorSpecies<Integer> intSpecies() {
    return I;
  }

  /** Number of int lanes. */
  static int lanes() {
    return LANES;
  }

  static int dot(byte[] a, int ao, byte[] b, int bo, int k) {
    IntVector acc = IntVector.zero(I);
    int i = 0;
    int bound = k - LANES;
    for (; i <= bound; i += LANES) {
      acc = acc.add(widen(a, ao + i).mul(widen(b, bo + i)));
    }
    int sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      sum += a[ao + i] * b[bo + i];
    }
    return sum;
  }

  static void dot4(byte[] a, int ao, byte[] b, int bo, int rowStride, int k, int[] out) {
    IntVector acc0 = IntVector.zero(I);
    IntVector acc1 = IntVector.zero(I);
    IntVector acc2 = IntVector.zero(I);
    IntVector acc3 = IntVector.zero(I);
    int b1 = bo + rowStride;
    int b2 = b1 + rowStride;
    int b3 = b2 + rowStride;
    int i = 0;
    int bound = k - LANES;
    for (; i <= bound; i += LANES) {
      IntVector va = widen(a, ao + i);
      acc0 = acc0.add(va.mul(widen(b, bo + i)));
      acc1 = acc1.add(va.mul(widen(b, b1 + i)));
      acc2 = acc2.add(va.mul(widen(b, b2 + i)));
      acc3 = acc3.add(va.mul(widen(b, b3 + i)));
    }
    int s0 = acc0.reduceLanes(VectorOperators.ADD);
    int s1 = acc1.reduceLanes(VectorOperators.ADD);
    int s2 = acc2.reduceLanes(VectorOperators.ADD);
    int s3 = acc3.reduceLanes(VectorOperators.ADD);
    for (; i < k; i++) {
      int x = a[ao + i];
      s0 += x * b[bo + i];
      s1 += x * b[b1 + i];
      s2 += x * b[b2 + i];
      s3 += x * b[b3 + i];
    }
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = s3;
  }

  /**
   * Depthwise tap accumulation over channels: {@code acc[c] += w[wo + c] * (x[xo + c] + xOff)} for
   * {@code c < n}; returns how many channels were done (a multiple of the lane count).
   */
  static int accumulateTap(byte[] x, int xo, int xOff, int[] w, int wo, int[] acc, int n) {
    int c = 0;
    int bound = n - LANES;
    for (; c <= bound; c += LANES) {
      IntVector xv = widen(x, xo + c).add(xOff);
      IntVector a = IntVector.fromArray(I, acc, c);
      a.add(xv.mul(IntVector.fromArray(I, w, wo + c))).intoArray(acc, c);
    }
    return c;
  }

  /**
   * Outer-product form: {@code acc[c] = sum_k x[xo + k] * wT[k * ocPad + c]} for {@code c < ocPad},
   * weights transposed and widened to int, {@code ocPad} a multiple of the lane count.
   */
  static void outer(byte[] x, int xo, int k, int[] wT, int ocPad, int[] acc) {
    int c = 0;
    for (; c + 2 * LANES <= ocPad; c += 2 * LANES) {
      IntVector a0 = IntVector.zero(I);
      IntVector a1 = IntVector.zero(I);
      int row = c;
      for (int i = 0; i < k; i++, row += ocPad) {
        IntVector xv = IntVector.broadcast(I, x[xo + i]);
        a0 = a0.add(xv.mul(IntVector.fromArray(I, wT, row)));
        a1 = a1.add(xv.mul(IntVector.fromArray(I, wT, row + LANES)));
      }
      a0.intoArray(acc, c);
      a1.intoArray(acc, c + LANES);
    }
    for (; c < ocPad; c += LANES) {
      IntVector a0 = IntVector.zero(I);
      int row = c;
      for (int i = 0; i < k; i++, row += ocPad) {
        a0 = a0.add(IntVector.broadcast(I, x[xo + i]).mul(IntVector.fromArray(I, wT, row)));
      }
      a0.intoArray(acc, c);
    }
  }

  /**
   * {@link #outer} for four input vectors {@code stride} bytes apart: row {@code r} of the result
   * goes to {@code acc[r * ocPad ..]}. The weight vector loaded for a depth step serves all four.
   */
  static void outer4(byte[] x, int xo, int stride, int k, int[] wT, int ocPad, int[] acc) {
    int x1 = xo + stride;
    int x2 = x1 + stride;
    int x3 = x2 + stride;
    for (int c = 0; c < ocPad; c += LANES) {
      IntVector a0 = IntVector.zero(I);
      IntVector a1 = IntVector.zero(I);
      IntVector a2 = IntVector.zero(I);
      IntVector a3 = IntVector.zero(I);
      int row = c;
      for (int i = 0; i < k; i++, row += ocPad) {
        IntVector w = IntVector.fromArray(I, wT, row);
        a0 = a0.add(w.mul(x[xo + i]));
        a1 = a1.add(w.mul(x[x1 + i]));
        a2 = a2.add(w.mul(x[x2 + i]));
        a3 = a3.add(w.mul(x[x3 + i]));
      }
      a0.intoArray(acc, c);
      a1.intoArray(acc, ocPad + c);
      a2.intoArray(acc, 2 * ocPad + c);
      a3.intoArray(acc, 3 * ocPad + c);
    }
  }

  /**
   * Convolution window of four output pixels read in place: depth step {@code k} of pixel {@code r}
   * reads {@code x[xo + tapOff[k] + r * pixStride]}. Weights {@code wT} are {@code
   * [tapOff.length][ocPad]}; pixel {@code r}'s sums go to {@code acc[r * ocPad ..]}.
   */
  static void window4(
      byte[] x, int xo, int pixStride, int[] tapOff, int[] wT, int ocPad, int[] acc) {
    int k = tapOff.length;
    int x1 = xo + pixStride;
    int x2 = x1 + pixStride;
    int x3 = x2 + pixStride;
    for (int c = 0; c < ocPad; c += LANES) {
      IntVector a0 = IntVector.zero(I);
      IntVector a1 = IntVector.zero(I);
      IntVector a2 = IntVector.zero(I);
      IntVector a3 = IntVector.zero(I);
      int row = c;
      for (int i = 0; i < k; i++, row += ocPad) {
        IntVector w = IntVector.fromArray(I, wT, row);
        int t = tapOff[i];
        a0 = a0.add(w.mul(x[xo + t]));
        a1 = a1.add(w.mul(x[x1 + t]));
        a2 = a2.add(w.mul(x[x2 + t]));
        a3 = a3.add(w.mul(x[x3 + t]));
      }
      a0.intoArray(acc, c);
      a1.intoArray(acc, ocPad + c);
      a2.intoArray(acc, 2 * ocPad + c);
      a3.intoArray(acc, 3 * ocPad + c);
    }
  }

  /** {@link #window4} for one pixel, sums to {@code acc[0..ocPad)}. */
  static void window1(byte[] x, int xo, int[] tapOff, int[] wT, int ocPad, int[] acc) {
    int k = tapOff.length;
    for (int c = 0; c < ocPad; c += LANES) {
      IntVector a0 = IntVector.zero(I);
      int row = c;
      for (int i = 0; i < k; i++, row += ocPad) {
        a0 = a0.add(IntVector.fromArray(I, wT, row).mul(x[xo + tapOff[i]]));
      }
      a0.intoArray(acc, c);
    }
  }

  private static IntVector widen(byte[] b, int off) {
    return (IntVector) ByteVector.fromArray(B, b, off).convertShape(VectorOperators.B2I, I, 0);
  }
}
