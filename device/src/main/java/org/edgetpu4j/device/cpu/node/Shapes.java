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

  /** Output size of a convolution or pooling window along one axis. */
  public static int outSize(boolean same, int in, int filter, int stride, int dilation) {
    int effective = (filter - 1) * dilation + 1;
    return same ? (in + stride - 1) / stride : (in - effective + stride) / stride;
  }

  /** Padding before the data along one axis (TFLite's ComputePaddingWithOffset, offset dropped). */
  public static int padBefore(boolean same, int in, int filter, int stride, int dilation, int out) {
    if (!same) {
      return 0;
    }
    int effective = (filter - 1) * dilation + 1;
    int total = Math.max((out - 1) * stride + effective - in, 0);
    return total / 2;
  }

  public static String str(int[] shape) {
    return Arrays.toString(shape);
  }
}
