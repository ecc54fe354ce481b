package org.edgetpu4j.device.cpu.node;

/** Overflow-checked size arithmetic: results that do not fit are reported as -1. */
public final class Checked {
  private Checked() {}

  /** The product of non-negative {@code factors}, or -1 when one is negative or it overflows. */
  public static long product(long... factors) {
    long p = 1;
    for (long f : factors) {
      if (f < 0) {
        return -1;
      }
      if (f != 0 && p > Long.MAX_VALUE / f) {
        return -1;
      }
      p *= f;
    }
    return p;
  }

  /** Number of elements of {@code shape}, or -1 when a dimension is negative or it overflows. */
  public static long elements(int[] shape) {
    return product(java.util.Arrays.stream(shape).asLongStream().toArray());
  }

  /** True when {@code v} fits in an int. */
  public static boolean fitsInt(long v) {
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
  }
}
