package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * MIRROR_PAD with constant paddings: REFLECT mirrors without the edge element, SYMMETRIC with it.
 */
public final class MirrorPad implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    long[] pads = Remap.constInts(node, node.in(1), "paddings");
    int rank = in.rank();
    node.require(pads.length == 2 * rank, "paddings need " + 2 * rank + " entries");
    boolean reflect = node.options.getInt("mode") == 0;
    int edge = reflect ? 1 : 0;
    int[] before = new int[rank];
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) {
      int n = in.dim(d);
      for (int side = 0; side < 2; side++) {
        long p = pads[2 * d + side];
        node.require(
            p >= 0 && p <= n - edge,
            "padding " + p + " of axis " + d + " must be in 0.." + (n - edge));
      }
      before[d] = (int) pads[2 * d];
      shape[d] = Math.toIntExact(n + pads[2 * d] + pads[2 * d + 1]);
    }
    Remap.volume(node, shape);
    node.setShape(0, shape);
    int[] st = Shapes.strides(in.shape);
    int[] map =
        Remap.build(
            shape,
            c -> {
              int j = 0;
              for (int d = 0; d < rank; d++) {
                int n = in.dim(d);
                int x = c[d] - before[d];
                if (x < 0) {
                  x = -x - 1 + edge;
                } else if (x >= n) {
                  x = 2 * n - 1 - x - edge;
                }
                j += x * st[d];
              }
              return j;
            });
    return Remap.step(in, out, size, map, null);
  }
}
