package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * STRIDED_SLICE with constant begin/end/strides, begin/end masks and shrink axes (TFLite's
 * strided_slice_logic). Ellipsis and new-axis masks are refused.
 */
public final class StridedSlice implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    for (int i = 1; i <= 3; i++) {
      node.requireConstant(node.in(i));
      node.requireType(node.in(i), TensorType.INT32);
    }
    int[] begin = Bytes.ints(node.in(1).constant);
    int[] end = Bytes.ints(node.in(2).constant);
    int[] strides = Bytes.ints(node.in(3).constant);
    int rank = in.rank();
    node.require(
        begin.length == rank && end.length == rank && strides.length == rank,
        "begin/end/strides must have " + rank + " values");
    int beginMask = node.options.getInt("begin_mask");
    int endMask = node.options.getInt("end_mask");
    int shrink = node.options.getInt("shrink_axis_mask");
    node.require(node.options.getInt("ellipsis_mask") == 0, "ellipsis_mask is not supported");
    node.require(node.options.getInt("new_axis_mask") == 0, "new_axis_mask is not supported");
    if (node.options.has("offset")) {
      node.require(!node.options.getBool("offset"), "offset=true is not supported");
    }
    int[] start = new int[rank];
    int[] count = new int[rank];
    java.util.List<Integer> outShape = new java.util.ArrayList<>();
    for (int d = 0; d < rank; d++) {
      int size = in.dim(d);
      int stride = strides[d];
      node.require(stride != 0, "stride 0 on axis " + d);
      int s = begin[d];
      if ((beginMask & (1 << d)) != 0) {
        s = stride > 0 ? 0 : size - 1;
      } else {
        if (s < 0) {
          s += size;
        }
        s = stride > 0 ? QuantMath.clamp(s, 0, size) : QuantMath.clamp(s, -1, size - 1);
      }
      int e;
      boolean shrinkAxis = (shrink & (1 << d)) != 0;
      if (shrinkAxis) {
        e = s + 1;
      } else if ((endMask & (1 << d)) != 0) {
        e = stride > 0 ? size : -1;
      } else {
        e = end[d];
        if (e < 0) {
          e += size;
        }
        e = stride > 0 ? QuantMath.clamp(e, 0, size) : QuantMath.clamp(e, -1, size - 1);
      }
      int n = (e - s) / stride + ((e - s) % stride != 0 ? 1 : 0);
      n = Math.max(n, 0);
      start[d] = s;
      count[d] = n;
      if (!shrinkAxis) {
        outShape.add(n);
      }
    }
    node.setShape(0, outShape.stream().mapToInt(Integer::intValue).toArray());
    node.require(out.type == in.type, "output type differs from input type");
    int total = Shapes.flatSize(count);
    int[] src = new int[total];
    int[] ist = Shapes.strides(in.shape);
    int[] cst = Shapes.strides(count);
    for (int i = 0; i < total; i++) {
      int rem = i;
      int s = 0;
      for (int d = 0; d < rank; d++) {
        int c = rem / cst[d];
        rem -= c * cst[d];
        s += (start[d] + c * strides[d]) * ist[d];
      }
      src[i] = s;
    }
    int elem = (int) in.type.byteSize(1);
    int ti = in.index;
    int to = out.index;
    return m -> {
      for (int i = 0; i < total; i++) {
        System.arraycopy(
            m.data[ti], m.offset[ti] + src[i] * elem, m.data[to], m.offset[to] + i * elem, elem);
      }
    };
  }
}
