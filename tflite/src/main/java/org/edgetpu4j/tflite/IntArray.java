package org.edgetpu4j.tflite;

import java.util.Arrays;

/**
 * An immutable array of {@code int} values that compares by content, for use inside records.
 *
 * <p>The values are copied on the way in and on the way out, so an instance can be shared freely.
 */
public final class IntArray {
  private static final IntArray EMPTY = new IntArray(new int[0]);

  private final int[] values;

  private IntArray(int[] values) {
    this.values = values;
  }

  /** Returns an array holding a copy of {@code values}. */
  public static IntArray of(int... values) {
    return values.length == 0 ? EMPTY : new IntArray(values.clone());
  }

  /** Returns the empty array. */
  public static IntArray empty() {
    return EMPTY;
  }

  /** Number of values. */
  public int length() {
    return values.length;
  }

  /** True when there are no values. */
  public boolean isEmpty() {
    return values.length == 0;
  }

  /** The value at {@code index}. */
  public int get(int index) {
    return values[index];
  }

  /** A fresh copy of the values. */
  public int[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntArray other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
