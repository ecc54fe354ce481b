package org.edgetpu4j.device.coral.pkg;

/**
 * A tensor shape (inclusive ranges per dimension: batch, y, x, z) and element strides.
 *
 * @param start first index per dimension
 * @param end last index (inclusive) per dimension
 * @param stride elements between neighbours per dimension (empty for a plain shape)
 */
public record TensorLayout(int[] start, int[] end, int[] stride) {

  /** Number of dimensions. */
  public int rank() {
    return start.length;
  }

  /** Number of elements. */
  public long elements() {
    long n = 1;
    for (int d = 0; d < start.length; d++) {
      n *= Math.max(0, end[d] - start[d] + 1);
    }
    return n;
  }
}
