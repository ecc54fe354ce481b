package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** TRANSPOSE by a constant permutation, any element type, ranks up to 6. */
public final class Transpose implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    long[] perm = Remap.constInts(node, node.in(1), "permutation");
    int rank = in.rank();
    node.require(rank <= 6, in.describe() + " has rank " + rank + ", at most 6 is supported");
    node.require(
        perm.length == rank,
        "permutation has " + perm.length + " entries, expected " + rank + " (the input's rank)");
    int[] p = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int d = 0; d < rank; d++) {
      p[d] = Remap.axis(node, perm[d], rank, "permutation entry");
      node.require(!seen[p[d]], "permutation repeats axis " + p[d]);
      seen[p[d]] = true;
    }
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) {
      shape[d] = in.dim(p[d]);
    }
    node.setShape(0, shape);
    int[] st = Shapes.strides(in.shape);
    int[] map =
        Remap.build(
            shape,
            c -> {
              int j = 0;
              for (int d = 0; d < rank; d++) {
                j += c[d] * st[p[d]];
              }
              return j;
            });
    return Remap.step(in, out, size, map, null);
  }
}
