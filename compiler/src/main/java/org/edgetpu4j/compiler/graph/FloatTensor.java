package org.edgetpu4j.compiler.graph;

import java.util.Arrays;

/**
 * An immutable dense float32 tensor: a shape and its values in row-major order.
 *
 * @param shape dimensions (empty for a scalar)
 * @param values the elements; a copy is kept
 */
public record FloatTensor(long[] shape, float[] values) {
  /** Validates that the element count matches the shape and copies both arrays. */
  public FloatTensor {
    shape = shape.clone();
    values = values.clone();
    if (numElements(shape) != values.length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " holds "
              + numElements(shape)
              + " elements, found "
              + values.length);
    }
  }

  /** A tensor of the given shape. */
  public static FloatTensor of(float[] values, long... shape) {
    return new FloatTensor(shape, values);
  }

  /** A scalar. */
  public static FloatTensor scalar(float value) {
    return new FloatTensor(new long[0], new float[] {value});
  }

  /** The product of the dimensions. */
  public static long numElements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  /** Element {@code i} in row-major order. */
  public float get(int i) {
    return values[i];
  }

  /** The number of elements. */
  public int size() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatTensor t
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FloatTensor" + Arrays.toString(shape) + Arrays.toString(values);
  }
}
