package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.Broadcast;
import org.edgetpu4j.device.cpu.math.Elementwise;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** MUL: 8-bit with one multiplier {@code s1 * s2 / s_out}, float32, int32. */
public final class Mul implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    Broadcast bc = Broadcast.of(node, a, b);
    node.setShape(0, bc.shape);
    if (a.type == TensorType.FLOAT32) {
      node.require(b.type == a.type && out.type == a.type, "mixed types");
      return Elementwise.floatStep(node, bc, (x, y) -> x * y);
    }
    if (a.type == TensorType.INT32) {
      node.require(b.type == a.type && out.type == a.type, "mixed types");
      int t1 = a.index;
      int t2 = b.index;
      int to = out.index;
      return m -> {
        for (int i = 0; i < bc.size(); i++) {
          int x = Bytes.i32(m.data[t1], m.offset[t1], bc.i1(i));
          int y = Bytes.i32(m.data[t2], m.offset[t2], bc.i2(i));
          Bytes.i32(m.data[to], m.offset[to], i, x * y);
        }
      };
    }
    Elementwise.require8Bit(node);
    QuantMath.Multiplier mo =
        QuantMath.quantizeMultiplier(
            (double) a.scale() * (double) b.scale() / (double) out.scale());
    int off1 = -a.zeroPoint();
    int off2 = -b.zeroPoint();
    int outZp = out.zeroPoint();
    int[] range = Activations.quantizedRange(node, node.activation(), out);
    return Elementwise.quant8Step(
        node,
        bc,
        (x, y) -> QuantMath.multiply((x + off1) * (y + off2), mo) + outZp,
        range[0],
        range[1]);
  }
}
