package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** SPLIT_V: constant sizes (one may be -1) along a constant axis, any element type. */
public final class SplitV implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    long[] sizes = Remap.constInts(node, node.in(1), "size_splits");
    long[] axisV = Remap.constInts(node, node.in(2), "axis");
    node.require(axisV.length == 1, "axis must be a scalar");
    int axis = Remap.axis(node, axisV[0], in.rank(), "axis");
    int parts = node.outputCount();
    node.require(
        sizes.length == parts,
        "size_splits has " + sizes.length + " entries for " + parts + " outputs");
    int unknown = -1;
    long known = 0;
    for (int i = 0; i < parts; i++) {
      if (sizes[i] == -1) {
        node.require(unknown < 0, "size_splits has more than one -1");
        unknown = i;
      } else {
        node.require(sizes[i] >= 0, "size_splits entry " + sizes[i] + " is negative");
        known += sizes[i];
      }
    }
    int n = in.dim(axis);
    if (unknown >= 0) {
      node.require(known <= n, "size_splits exceed axis size " + n);
      sizes[unknown] = n - known;
    } else {
      node.require(known == n, "size_splits sum to " + known + ", expected " + n);
    }
    int size = Remap.elementSize(node, in);
    int[] st = Shapes.strides(in.shape);
    Step[] steps = new Step[parts];
    int start = 0;
    for (int i = 0; i < parts; i++) {
      Slot out = node.out(i);
      Remap.requireSameType(node, in, out);
      int[] shape = in.shape.clone();
      shape[axis] = (int) sizes[i];
      node.setShape(i, shape);
      int from = start;
      int rank = in.rank();
      int[] map =
          Remap.build(
              shape,
              c -> {
                int j = 0;
                for (int d = 0; d < rank; d++) {
                  j += (d == axis ? c[d] + from : c[d]) * st[d];
                }
                return j;
              });
      steps[i] = Remap.step(in, out, size, map, null);
      start += (int) sizes[i];
    }
    return m -> {
      for (Step s : steps) {
        s.run(m);
      }
    };
  }
}
