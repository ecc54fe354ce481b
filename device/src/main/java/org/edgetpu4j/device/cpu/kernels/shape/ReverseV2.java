package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** REVERSE_V2 along constant axes, any element type. */
public final class ReverseV2 implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    long[] axes = Remap.constInts(node, node.in(1), "axes");
    int rank = in.rank();
    boolean[] flip = new boolean[rank];
    for (long a : axes) {
      flip[Remap.axis(node, a, rank, "axis")] = true;
    }
    node.setShape(0, in.shape);
    int[] st = Shapes.strides(in.shape);
    int[] shape = in.shape;
    int[] map =
        Remap.build(
            shape,
            c -> {
              int j = 0;
              for (int d = 0; d < rank; d++) {
                j += (flip[d] ? shape[d] - 1 - c[d] : c[d]) * st[d];
              }
              return j;
            });
    return Remap.step(in, out, size, map, null);
  }
}
