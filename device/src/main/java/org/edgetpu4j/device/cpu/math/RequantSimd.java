package org.edgetpu4j.device.cpu.math;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API form of {@link Requant}: the 64-bit product of the doubling high multiply is
 * formed in long lanes, and every rounding step is done without branches, so that the result equals
 * {@link QuantMath#multiplyByQuantizedMultiplier(int, int, int)} lane by lane.
 */
public final class RequantSimd {
  private static final VectorSpecies<Integer> I = DotSimd.intSpecies();
  private static final int LANES = I.length();
  private static final VectorSpecies<Long> L =
      VectorSpecies.of(long.class, VectorShape.forBitSize(LANES * 64));
  private static final VectorSpecies<Byte> B =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8));
  private static final long NEG_NUDGE = 1 - (1L << 31);
  private static final long LOW31 = (1L << 31) - 1;

  private RequantSimd() {}

  /** True when long lanes as many as the int lanes are native. */
  static boolean supported() {
    return LongVector.SPECIES_MAX.length() >= LANES;
  }

  /**
   * Requantizes whole vectors of channels, {@code extra} added to every accumulator; returns how
   * many channels were done.
   */
  static int run(Requant q, int[] acc, int ao, int extra, byte[] out, int oo) {
    int n = q.channels;
    int c = 0;
    for (; c + LANES <= n; c += LANES) {
      IntVector x =
          IntVector.fromArray(I, acc, ao + c).add(IntVector.fromArray(I, q.base, c)).add(extra);
      IntVector v = requant(q, x, c);
      ((ByteVector) v.convertShape(VectorOperators.I2B, B, 0)).intoArray(out, oo + c);
    }
    return c;
  }

  private static IntVector requant(Requant q, IntVector x, int c) {
    IntVector a = x.lanewise(VectorOperators.LSHL, IntVector.fromArray(I, q.left, c));
    LongVector al = (LongVector) a.convertShape(VectorOperators.I2L, L, 0);
    LongVector ml = LongVector.fromArray(L, q.multLong, c);
    LongVector ab = al.mul(ml);
    // nudge 2^30 for a non-negative product, 1 - 2^30 otherwise
    LongVector r = ab.add(1L << 30).add(ab.lanewise(VectorOperators.ASHR, 63).and(NEG_NUDGE));
    // divide by 2^31 truncating toward zero
    r = r.add(r.lanewise(VectorOperators.ASHR, 63).and(LOW31)).lanewise(VectorOperators.ASHR, 31);
    IntVector h = (IntVector) r.convertShape(VectorOperators.L2I, I, 0);
    // rounding divide by 2^right, ties away from zero
    IntVector e = IntVector.fromArray(I, q.right, c);
    IntVector rem = h.and(IntVector.fromArray(I, q.mask, c));
    IntVector threshold =
        IntVector.fromArray(I, q.halfMask, c).add(h.lanewise(VectorOperators.LSHR, 31));
    IntVector v =
        h.lanewise(VectorOperators.ASHR, e)
            .add(threshold.sub(rem).lanewise(VectorOperators.LSHR, 31))
            .add(q.outZp);
    return v.max(q.lo).min(q.hi);
  }
}
