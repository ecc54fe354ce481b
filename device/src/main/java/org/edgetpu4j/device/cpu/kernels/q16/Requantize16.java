package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * QUANTIZE involving int16: float32 to int16 ({@code round(x / scale)}, clamped), and requantizing
 * int16 to int16 or int8 and int8 to int16 ({@code (q - zp_in) * s_in / s_out + zp_out}).
 */
public final class Requantize16 implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requirePerTensor(out);
    node.setShape(0, in.shape);
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    int outZp = out.zeroPoint();
    boolean out16 = out.type == TensorType.INT16;
    node.requireType(out, TensorType.INT16, TensorType.INT8);
    if (in.type == TensorType.FLOAT32) {
      node.require(out16, "float32 to " + out.type + " is not handled here");
      float scale = out.scale();
      return m -> {
        for (int k = 0; k < n; k++) {
          float v = Bytes.f32(m.data[ti], m.offset[ti], k);
          int q = (int) QuantMath.roundHalfAway(v / scale) + outZp;
          Q16.put(m.data[to], m.offset[to], k, Math.min(Math.max(q, lo), hi));
        }
      };
    }
    node.requireType(in, TensorType.INT16, TensorType.INT8);
    node.requirePerTensor(in);
    QuantMath.Multiplier mul = QuantMath.quantizeMultiplier((double) in.scale() / out.scale());
    boolean in16 = in.type == TensorType.INT16;
    int inZp = in.zeroPoint();
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int k = 0; k < n; k++) {
        int v = (in16 ? Bytes.i16(x, xo, k) : x[xo + k]) - inZp;
        int q = Math.min(Math.max(QuantMath.multiply(v, mul) + outZp, lo), hi);
        if (out16) {
          Q16.put(y, yo, k, q);
        } else {
          y[yo + k] = (byte) q;
        }
      }
    };
  }
}
