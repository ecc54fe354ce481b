package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Checked;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * STRIDED_SLICE with constant begin/end/strides, begin/end masks and shrink axes (TFLite's
 * strided_slice_logic). Ellipsis and new-axis masks are refused.
 */
public final class StridedSlice implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireMaxRank(in, 5);
    int[] begin = node.constantInts(node.in(1), "begin");
    int[] end = node.constantInts(node.in(2), "end");
    int[] strides = node.constantInts(node.in(3), "strides");
    int rank = in.rank();
    node.require(
        begin.length == rank && end.length == rank && strides.length == rank,
        "begin/end/strides have "
            + begin.length
            + "/"
            + end.length
            + "/"
            + strides.length
            + " values, expected "
            + rank
            + " each for "
            + in.describe()
            + " of shape "
            + Shapes.str(in.shape));
    int beginMask = node.intOption("begin_mask");
    int endMask = node.intOption("end_mask");
    int shrink = node.intOption("shrink_axis_mask");
    node.require(node.intOption("ellipsis_mask") == 0, "ellipsis_mask is not supported");
    node.require(node.intOption("new_axis_mask") == 0, "new_axis_mask is not supported");
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
      long last = s + (long) (n - 1) * stride;
      node.require(
          n == 0 || (s >= 0 && s < size && last >= 0 && last < size),
          "axis "
              + d
              + ": begin "
              + begin[d]
              + (shrinkAxis ? " (shrunk)" : "")
              + " is outside "
              + in.describe()
              + " of shape "
              + Shapes.str(in.shape));
      start[d] = s;
      count[d] = n;
      if (!shrinkAxis) {
        outShape.add(n);
      }
    }
    node.setShape(0, outShape.stream().mapToInt(Integer::intValue).toArray());
    node.require(out.type == in.type, "output type differs from input type");
    int total = node.scratch(Checked.product(4, Checked.elements(count)), "the gather table") / 4;
    node.work(Checked.product(total, rank), "building the gather table at load");
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
