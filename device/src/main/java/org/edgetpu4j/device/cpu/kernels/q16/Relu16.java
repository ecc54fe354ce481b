package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Activation;

/**
 * RELU, RELU6, RELU_N1_TO_1 and LEAKY_RELU on int16: the input is rescaled to the output scale
 * (negative values by {@code alpha} as well for LEAKY_RELU) and clamped.
 */
public final class Relu16 implements Kernel {
  private final Activation clamp;

  /** A clamping activation, or {@code null} for LEAKY_RELU. */
  public Relu16(Activation clamp) {
    this.clamp = clamp;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Q16.requireInt16(node, in);
    Q16.requireInt16(node, out);
    node.setShape(0, in.shape);
    QuantMath.Multiplier id = QuantMath.quantizeMultiplier(in.scale() / out.scale());
    QuantMath.Multiplier neg;
    int lo;
    int hi;
    if (clamp == null) {
      float alpha = node.options.getFloat("alpha");
      neg = QuantMath.quantizeMultiplier(in.scale() * alpha / out.scale());
      lo = Activations.qmin(out.type);
      hi = Activations.qmax(out.type);
    } else {
      neg = id;
      int[] r = Activations.quantizedRange(node, clamp, out);
      lo = r[0];
      hi = r[1];
    }
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    return m -> {
      for (int k = 0; k < n; k++) {
        int x = Bytes.i16(m.data[ti], m.offset[ti], k);
        int v = QuantMath.multiply(x, x >= 0 ? id : neg);
        Q16.put(m.data[to], m.offset[to], k, Math.min(Math.max(v, lo), hi));
      }
    };
  }
}
