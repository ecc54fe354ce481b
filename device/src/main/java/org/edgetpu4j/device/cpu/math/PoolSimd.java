package org.edgetpu4j.device.cpu.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API loops of the 8-bit pooling kernels, over the contiguous channels of one pixel. Each
 * returns how many channels it did; the caller finishes the rest in scalar code.
 */
public final class PoolSimd {
  private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
  private static final VectorSpecies<Integer> I = DotSimd.intSpecies();
  private static final VectorSpecies<Byte> BI =
      ByteVector.SPECIES_64.length() == I.length() ? ByteVector.SPECIES_64 : null;

  private PoolSimd() {}

  /**
   * Signed maximum over {@code taps} pixels at {@code x[srcs[t] + ch]}, clamped to {@code [lo,
   * hi]}, written to {@code y[o + ch]}.
   */
  public static int max(byte[] x, int[] srcs, int taps, int c, int lo, int hi, byte[] y, int o) {
    int ch = 0;
    byte l = (byte) lo;
    byte h = (byte) hi;
    for (; ch + 8 <= c; ch += 8) {
      ByteVector v = ByteVector.fromArray(B8, x, srcs[0] + ch);
      for (int t = 1; t < taps; t++) {
        v = v.max(ByteVector.fromArray(B8, x, srcs[t] + ch));
      }
      v.max(l).min(h).intoArray(y, o + ch);
    }
    return ch;
  }

  /** Adds the signed bytes {@code x[src + ch]} to {@code acc[ch]}. */
  public static int add(byte[] x, int src, int[] acc, int c) {
    if (BI == null) {
      return 0;
    }
    int ch = 0;
    for (; ch + 8 <= c; ch += 8) {
      IntVector v =
          (IntVector) ByteVector.fromArray(BI, x, src + ch).convertShape(VectorOperators.B2I, I, 0);
      v.add(IntVector.fromArray(I, acc, ch)).intoArray(acc, ch);
    }
    return ch;
  }
}
