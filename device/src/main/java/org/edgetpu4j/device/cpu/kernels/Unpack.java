package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** UNPACK: splits the input along {@code axis} into {@code num} outputs of one rank less. */
public final class Unpack implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    int rank = in.rank();
    node.require(rank >= 1, in.describe() + " is a scalar, expected rank >= 1");
    node.require(in.type.hasFixedSize(), in.describe() + " has no fixed element size");
    int axis = node.options.has("axis") ? node.options.getInt("axis") : 0;
    node.require(
        axis >= -rank && axis < rank, "axis " + axis + " out of [" + -rank + ", " + rank + ")");
    axis = axis < 0 ? axis + rank : axis;
    int k = in.dim(axis);
    node.require(
        node.outputCount() == k,
        in.describe()
            + " has "
            + k
            + " slices on axis "
            + axis
            + " but the operator has "
            + node.outputCount()
            + " outputs");
    int[] shape = new int[rank - 1];
    long outer = 1;
    long inner = in.type.byteSize(1);
    for (int d = 0, s = 0; d < rank; d++) {
      if (d == axis) {
        continue;
      }
      shape[s++] = in.dim(d);
      if (d < axis) {
        outer = Math.multiplyExact(outer, in.dim(d));
      } else {
        inner = Math.multiplyExact(inner, in.dim(d));
      }
    }
    return Split.slices(node, in, shape, outer, inner);
  }
}
