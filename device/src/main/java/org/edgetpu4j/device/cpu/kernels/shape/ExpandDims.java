package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** EXPAND_DIMS at a constant axis (bytes unchanged) and RANK (the input's rank as int32). */
public final class ExpandDims implements Kernel {
  private final boolean rankOnly;

  public ExpandDims(boolean rankOnly) {
    this.rankOnly = rankOnly;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    int to = out.index;
    if (rankOnly) {
      node.requireType(out, TensorType.INT32);
      node.setShape(0, new int[0]);
      int rank = in.rank();
      return m -> org.edgetpu4j.device.cpu.node.Bytes.i32(m.data[to], m.offset[to], 0, rank);
    }
    Remap.requireSameType(node, in, out);
    long[] axisV = Remap.constInts(node, node.in(1), "axis");
    node.require(axisV.length == 1, "axis must be a scalar");
    int rank = in.rank() + 1;
    int axis = Remap.axis(node, axisV[0], rank, "axis");
    int[] shape = new int[rank];
    for (int d = 0, s = 0; d < rank; d++) {
      shape[d] = d == axis ? 1 : in.dim(s++);
    }
    node.setShape(0, shape);
    int ti = in.index;
    int bytes = in.byteSize();
    return m -> System.arraycopy(m.data[ti], m.offset[ti], m.data[to], m.offset[to], bytes);
  }
}
