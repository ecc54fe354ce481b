package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * SPLIT: cuts the input into {@code num_splits} equal parts along a constant axis (input 0, int32
 * scalar; the data is input 1). Any element type: outputs are byte copies.
 */
public final class Split implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot axisSlot = node.in(0);
    Slot in = node.in(1);
    node.requireConstant(axisSlot);
    node.requireType(axisSlot, TensorType.INT32);
    node.require(
        axisSlot.elementCount() == 1,
        axisSlot.describe() + " has " + axisSlot.elementCount() + " values, expected 1");
    node.require(in.type.hasFixedSize(), in.describe() + " has no fixed element size");
    int k = node.outputCount();
    if (node.options.has("num_splits")) {
      int n = node.options.getInt("num_splits");
      node.require(n == k, "num_splits is " + n + " but the operator has " + k + " outputs");
    }
    int rank = in.rank();
    int axis = Bytes.ints(axisSlot.constant)[0];
    node.require(
        axis >= -rank && axis < rank,
        axisSlot.describe() + " is " + axis + ", expected in [" + -rank + ", " + rank + ")");
    axis = axis < 0 ? axis + rank : axis;
    node.require(k > 0, "expected at least one output");
    int dim = in.dim(axis);
    node.require(
        dim % k == 0,
        in.describe() + " dimension " + axis + " (" + dim + ") is not divisible by " + k);
    long outer = 1;
    long inner = in.type.byteSize(1);
    for (int d = 0; d < rank; d++) {
      if (d < axis) {
        outer = Math.multiplyExact(outer, in.dim(d));
      } else if (d > axis) {
        inner = Math.multiplyExact(inner, in.dim(d));
      }
    }
    int part = dim / k;
    int[] shape = in.shape.clone();
    shape[axis] = part;
    return slices(node, in, shape, outer, Math.multiplyExact(inner, part));
  }

  /**
   * Sets every output to {@code shape} and returns the step that deals the input out to them: each
   * of {@code outer} rows holds one block of {@code blockBytes} per output, in output order.
   */
  static Step slices(Node node, Slot in, int[] shape, long outer, long blockBytes) {
    int k = node.outputCount();
    int[] to = new int[k];
    for (int i = 0; i < k; i++) {
      node.require(node.out(i).type == in.type, node.out(i).describe() + " type != input type");
      node.setShape(i, shape);
      to[i] = node.out(i).index;
    }
    int ti = in.index;
    int rows = Math.toIntExact(outer);
    int block = Math.toIntExact(blockBytes);
    return m -> {
      int src = m.offset[ti];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < k; i++) {
          System.arraycopy(m.data[ti], src, m.data[to[i]], m.offset[to[i]] + r * block, block);
          src += block;
        }
      }
    };
  }
}
