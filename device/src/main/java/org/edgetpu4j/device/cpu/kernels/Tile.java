package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** TILE: repeats the input {@code multiples[d]} times along each dimension (constant multiples). */
public final class Tile implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot mult = node.in(1);
    Slot out = node.out(0);
    node.require(in.type.hasFixedSize(), in.describe() + " has no fixed element size");
    node.requireConstant(mult);
    node.requireType(mult, TensorType.INT32, TensorType.INT64);
    int rank = in.rank();
    node.require(
        mult.elementCount() == rank,
        mult.describe() + " has " + mult.elementCount() + " values, expected " + rank);
    node.require(out.type == in.type, out.describe() + " type differs from the input");
    int[] shape = new int[rank];
    int[] times = new int[rank];
    long total = in.type.byteSize(1);
    for (int d = 0; d < rank; d++) {
      long t = Cast.readLong(mult.type, mult.constant, 0, d);
      node.require(
          t >= 0, mult.describe() + " holds " + t + " for dimension " + d + ", expected >= 0");
      shape[d] = Math.toIntExact(Math.multiplyExact((long) in.dim(d), t));
      times[d] = (int) t;
      total = Math.multiplyExact(total, shape[d]);
    }
    node.require(total <= Integer.MAX_VALUE, out.describe() + " would exceed 2 GiB");
    node.setShape(0, shape);
    int es = (int) in.type.byteSize(1);
    int[] dims = in.shape.clone();
    int ti = in.index;
    int to = out.index;
    return m -> {
      if (rank == 0) {
        System.arraycopy(m.data[ti], m.offset[ti], m.data[to], m.offset[to], es);
        return;
      }
      tile(m.data[ti], m.offset[ti], m.data[to], m.offset[to], dims, times, 0, es);
    };
  }

  /** Writes the tiled block of dimension {@code d} at {@code dst}; returns bytes {src, dst}. */
  private static int[] tile(
      byte[] x, int src, byte[] y, int dst, int[] dims, int[] times, int d, int es) {
    int start = dst;
    int read;
    if (d == dims.length - 1) {
      read = dims[d] * es;
      for (int t = 0; t < times[d]; t++) {
        System.arraycopy(x, src, y, dst, read);
        dst += read;
      }
      return new int[] {read, dst - start};
    }
    int s = src;
    for (int i = 0; i < dims[d]; i++) {
      int[] r = tile(x, s, y, dst, dims, times, d + 1, es);
      s += r[0];
      dst += r[1];
    }
    read = s - src;
    int written = dst - start;
    for (int t = 1; t < times[d]; t++) {
      System.arraycopy(y, start, y, dst, written);
      dst += written;
    }
    return new int[] {read, dst - start};
  }
}
