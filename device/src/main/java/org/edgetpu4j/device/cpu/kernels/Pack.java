package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** PACK: stacks N equally shaped inputs along a new axis. */
public final class Pack implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot first = node.in(0);
    int k = node.inputCount();
    int rank = first.rank() + 1;
    int axis = node.options.getInt("axis");
    axis = axis < 0 ? axis + rank : axis;
    node.require(axis >= 0 && axis < rank, "axis out of range");
    for (int i = 1; i < k; i++) {
      node.require(
          java.util.Arrays.equals(node.in(i).shape, first.shape) && node.in(i).type == first.type,
          node.in(i).describe() + " does not match " + first.describe());
    }
    int[] shape = new int[rank];
    int outer = 1;
    int inner = (int) first.type.byteSize(1);
    for (int d = 0, s = 0; d < rank; d++) {
      if (d == axis) {
        shape[d] = k;
      } else {
        shape[d] = first.dim(s);
        if (d < axis) {
          outer *= first.dim(s);
        } else {
          inner *= first.dim(s);
        }
        s++;
      }
    }
    node.setShape(0, shape);
    int[] tin = new int[k];
    for (int i = 0; i < k; i++) {
      tin[i] = node.in(i).index;
    }
    int to = node.out(0).index;
    int rows = outer;
    int block = inner;
    return m -> {
      int dst = m.offset[to];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < k; i++) {
          System.arraycopy(m.data[tin[i]], m.offset[tin[i]] + r * block, m.data[to], dst, block);
          dst += block;
        }
      }
    };
  }
}
