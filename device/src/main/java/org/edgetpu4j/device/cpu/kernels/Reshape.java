package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.BuiltinOp;

/**
 * RESHAPE and SQUEEZE: the bytes are copied unchanged under a new shape. RESHAPE takes the shape
 * from its constant second input or its options (one dimension may be -1).
 */
public final class Reshape implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.require(out.type == in.type, "output type differs from input type");
    int[] shape;
    if (node.code.op() == BuiltinOp.SQUEEZE) {
      shape = squeeze(node, in);
    } else {
      Slot s = node.optionalIn(1);
      if (s != null) {
        node.require(s.isConstant(), s.describe() + " (new shape) must be constant");
        shape = Bytes.ints(s.constant);
        if (s.rank() == 1 && s.dim(0) == 0 && shape.length == 0) {
          shape = new int[0];
        }
      } else {
        shape = node.options.getInts("new_shape");
      }
      shape = resolve(node, shape, in.elementCount());
    }
    node.require(
        Shapes.flatSize(shape) == in.elementCount(),
        "cannot reshape " + Shapes.str(in.shape) + " to " + Shapes.str(shape));
    node.setShape(0, shape);
    int ti = in.index;
    int to = out.index;
    int bytes = in.byteSize();
    return m -> System.arraycopy(m.data[ti], m.offset[ti], m.data[to], m.offset[to], bytes);
  }

  private static int[] resolve(Node node, int[] shape, int count) {
    int unknown = -1;
    int known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        node.require(unknown < 0, "more than one -1 in new shape " + Shapes.str(shape));
        unknown = i;
      } else {
        known *= shape[i];
      }
    }
    int[] out = shape.clone();
    if (unknown >= 0) {
      node.require(known > 0 && count % known == 0, "cannot infer -1 in " + Shapes.str(shape));
      out[unknown] = count / known;
    }
    return out;
  }

  private static int[] squeeze(Node node, Slot in) {
    int[] dims = node.options.getInts("squeeze_dims");
    boolean[] drop = new boolean[in.rank()];
    if (dims.length == 0) {
      for (int d = 0; d < in.rank(); d++) {
        drop[d] = in.dim(d) == 1;
      }
    } else {
      for (int d : dims) {
        int r = d < 0 ? d + in.rank() : d;
        node.require(r >= 0 && r < in.rank() && in.dim(r) == 1, "cannot squeeze dimension " + d);
        drop[r] = true;
      }
    }
    return java.util.stream.IntStream.range(0, in.rank())
        .filter(d -> !drop[d])
        .map(d -> in.dim(d))
        .toArray();
  }
}
