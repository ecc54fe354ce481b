package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** SLICE with constant begin and size (size -1 runs to the end of the axis), any element type. */
public final class Slice implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    long[] begin = Remap.constInts(node, node.in(1), "begin");
    long[] len = Remap.constInts(node, node.in(2), "size");
    int rank = in.rank();
    node.require(
        begin.length == rank && len.length == rank,
        "begin and size need " + rank + " entries (the input's rank)");
    int[] b = new int[rank];
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) {
      node.require(
          begin[d] >= 0 && begin[d] <= in.dim(d),
          "begin " + begin[d] + " is outside axis " + d + " of size " + in.dim(d));
      b[d] = (int) begin[d];
      long n = len[d] == -1 ? in.dim(d) - b[d] : len[d];
      node.require(
          n >= 0 && b[d] + n <= in.dim(d),
          "size " + len[d] + " from " + b[d] + " exceeds axis " + d + " of size " + in.dim(d));
      shape[d] = (int) n;
    }
    node.setShape(0, shape);
    int[] st = Shapes.strides(in.shape);
    int[] map =
        Remap.build(
            shape,
            c -> {
              int j = 0;
              for (int d = 0; d < rank; d++) {
                j += (c[d] + b[d]) * st[d];
              }
              return j;
            });
    return Remap.step(in, out, size, map, null);
  }
}
