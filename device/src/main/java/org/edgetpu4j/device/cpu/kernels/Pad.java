package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.TensorType;

/**
 * PAD and PADV2 with constant paddings. The pad value is the output zero point for quantized PAD, 0
 * for float PAD, and the constant third input for PADV2.
 */
public final class Pad implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot pads = node.in(1);
    Slot out = node.out(0);
    node.requireConstant(pads);
    node.require(out.type == in.type, "output type differs from input type");
    int rank = in.rank();
    int[] p =
        pads.type == TensorType.INT64 ? longsToInts(pads.constant) : Bytes.ints(pads.constant);
    node.require(p.length == 2 * rank, "paddings must be [" + rank + ", 2]");
    int[] shape = new int[rank];
    for (int d = 0; d < rank; d++) {
      node.require(p[2 * d] >= 0 && p[2 * d + 1] >= 0, "negative padding");
      shape[d] = in.dim(d) + p[2 * d] + p[2 * d + 1];
    }
    node.setShape(0, shape);
    int elem = (int) in.type.byteSize(1);
    byte[] fill = new byte[elem];
    Slot value = node.code.op() == BuiltinOp.PADV2 ? node.optionalIn(2) : null;
    if (value != null) {
      node.requireConstant(value);
      System.arraycopy(value.constant, 0, fill, 0, elem);
    } else if (Node.isQuant8(in.type)) {
      fill[0] = (byte) out.zeroPoint();
    }
    int n = Shapes.flatSize(shape);
    int[] src = new int[n];
    int[] ost = Shapes.strides(shape);
    int[] ist = Shapes.strides(in.shape);
    for (int i = 0; i < n; i++) {
      int rem = i;
      int s = 0;
      for (int d = 0; d < rank && s >= 0; d++) {
        int c = rem / ost[d];
        rem -= c * ost[d];
        int ic = c - p[2 * d];
        s = ic < 0 || ic >= in.dim(d) ? -1 : s + ic * ist[d];
      }
      src[i] = s;
    }
    int ti = in.index;
    int to = out.index;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int i = 0; i < n; i++) {
        if (src[i] < 0) {
          System.arraycopy(fill, 0, y, yo + i * elem, elem);
        } else {
          System.arraycopy(x, xo + src[i] * elem, y, yo + i * elem, elem);
        }
      }
    };
  }

  private static int[] longsToInts(byte[] b) {
    int[] out = new int[b.length / 8];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.toIntExact(Bytes.i64(b, 0, i));
    }
    return out;
  }
}
