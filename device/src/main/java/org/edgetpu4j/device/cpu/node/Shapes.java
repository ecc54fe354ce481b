package org.edgetpu4j.device.cpu.node;

import java.util.Arrays;

/** Shape arithmetic shared by kernels. */
public final class Shapes {
  private Shapes() {}

  /** Product of the dimensions. */
  public static int flatSize(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  /** {@code shape} padded with leading 1s to rank {@code rank}. */
  public static int[] extend(int[] shape, int rank) {
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
    return out;
  }

  /** Row-major strides of {@code shape}. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /**
   * Output size of a convolution or pooling window along one axis, computed without overflow; -1
   * when the window does not fit (VALID padding) or an argument is not positive.
   */
  public static int outSize(boolean same, int in, int filter, int stride, int dilation) {
    if (in < 0 || filter <= 0 || stride <= 0 || dilation <= 0) {
      return -1;
    }
    long effective = (filter - 1L) * dilation + 1;
    long out = same ? (in + (long) stride - 1) / stride : (in - effective + stride) / stride;
    return out < 0 ? -1 : (int) out;
  }

  /**
   * Padding before the data along one axis (TFLite's ComputePaddingWithOffset, offset dropped),
   * computed without overflow and capped at {@code Integer.MAX_VALUE / 2}.
   */
  public static int padBefore(boolean same, int in, int filter, int stride, int dilation, int out) {
    if (!same) {
      return 0;
    }
    long effective = (filter - 1L) * dilation + 1;
    long total = Math.max((out - 1L) * stride + effective - in, 0);
    return (int) Math.min(total / 2, Integer.MAX_VALUE / 2);
  }

  public static String str(int[] shape) {
    return Arrays.toString(shape);
  }
}
