package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * FILL (constant dimensions, a scalar value copied to every element) and ZEROS_LIKE (zeros in the
 * input's shape and type).
 */
public final class Fill implements Kernel {
  private final boolean zerosLike;

  public Fill(boolean zerosLike) {
    this.zerosLike = zerosLike;
  }

  @Override
  public Step prepare(Node node) {
    Slot out = node.out(0);
    int size = Remap.elementSize(node, out);
    int to = out.index;
    if (zerosLike) {
      Slot in = node.in(0);
      node.require(in.type == out.type, "output type " + out.type + " differs from " + in.type);
      node.setShape(0, in.shape);
      int bytes = out.byteSize();
      return m -> java.util.Arrays.fill(m.data[to], m.offset[to], m.offset[to] + bytes, (byte) 0);
    }
    long[] dims = Remap.constInts(node, node.in(0), "dims");
    Slot value = node.in(1);
    Remap.requireSameType(node, value, out);
    node.require(value.elementCount() == 1, value.describe() + " (value) must be a scalar");
    int[] shape = new int[dims.length];
    for (int d = 0; d < shape.length; d++) {
      shape[d] = Remap.dim(node, dims[d], "dimension");
    }
    int n = Remap.volume(node, shape);
    node.setShape(0, shape);
    int tv = value.index;
    return m -> {
      for (int k = 0; k < n; k++) {
        System.arraycopy(m.data[tv], m.offset[tv], m.data[to], m.offset[to] + k * size, size);
      }
    };
  }
}
