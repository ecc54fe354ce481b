package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * QUANTIZE: float32 to int8/uint8 ({@code round(x / scale) + zp}, clamped), and 8-bit
 * requantization with one multiplier {@code s_in / s_out}.
 */
public final class Quantize implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.setShape(0, in.shape);
    node.requireType(out, TensorType.INT8, TensorType.UINT8);
    node.requirePerTensor(out);
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    if (in.type == TensorType.FLOAT32) {
      float scale = out.scale();
      return m -> {
        byte[] y = m.data[to];
        int yo = m.offset[to];
        for (int i = 0; i < n; i++) {
          float v = Bytes.f32(m.data[ti], m.offset[ti], i);
          int q = (int) QuantMath.roundHalfAway(v / scale) + outZp;
          y[yo + i] = (byte) QuantMath.clamp(q, lo, hi);
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.requirePerTensor(in);
    QuantMath.Multiplier mult =
        QuantMath.quantizeMultiplier((double) in.scale() / (double) out.scale());
    int inZp = in.zeroPoint();
    return Unary8.table(
        node,
        Unary8.tableOf(
            in.type == TensorType.INT8,
            v -> QuantMath.clamp(QuantMath.multiply(v - inZp, mult) + outZp, lo, hi)));
  }
}
