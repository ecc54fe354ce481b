package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * RELU, RELU6, RELU_N1_TO_1 and LEAKY_RELU. 8-bit versions requantize {@code q - zp_in} to the
 * output scale and clamp, precomputed into a table.
 */
public final class Activation8 implements Kernel {
  private final float lo;
  private final float hi;
  private final boolean leaky;

  private Activation8(float lo, float hi, boolean leaky) {
    this.lo = lo;
    this.hi = hi;
    this.leaky = leaky;
  }

  static Activation8 relu() {
    return new Activation8(0f, Float.POSITIVE_INFINITY, false);
  }

  static Activation8 relu6() {
    return new Activation8(0f, 6f, false);
  }

  static Activation8 reluN1To1() {
    return new Activation8(-1f, 1f, false);
  }

  static Activation8 leakyRelu() {
    return new Activation8(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, true);
  }

  @Override
  public Step prepare(Node node) {
    Unary8.sameShape(node);
    Slot in = node.in(0);
    Slot out = node.out(0);
    if (in.type == TensorType.FLOAT32) {
      if (leaky) {
        float alpha = node.options.getFloat("alpha");
        return Unary8.floats(node, x -> x > 0 ? x : x * alpha);
      }
      return Unary8.floats(node, x -> Math.min(Math.max(x, lo), hi));
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.requirePerTensor(in);
    node.requirePerTensor(out);
    boolean signed = in.type == TensorType.INT8;
    int qlo = Activations.qmin(in.type);
    int qhi = Activations.qmax(in.type);
    int inZp = in.zeroPoint();
    int outZp = out.zeroPoint();
    QuantMath.Multiplier identity = QuantMath.quantizeMultiplier(in.scale() / out.scale());
    if (leaky) {
      float alpha = node.options.getFloat("alpha");
      QuantMath.Multiplier alphaM = QuantMath.quantizeMultiplier(in.scale() * alpha / out.scale());
      return Unary8.table(
          node,
          Unary8.tableOf(
              signed,
              v -> {
                int x = v - inZp;
                int y = QuantMath.multiply(x, x >= 0 ? identity : alphaM) + outZp;
                return QuantMath.clamp(y, qlo, qhi);
              }));
    }
    float scale = out.scale();
    int min = Math.max(qlo, outZp + (int) QuantMath.roundHalfAway(lo / scale));
    int max =
        hi == Float.POSITIVE_INFINITY
            ? qhi
            : Math.min(qhi, outZp + (int) QuantMath.roundHalfAway(hi / scale));
    return Unary8.table(
        node,
        Unary8.tableOf(
            signed,
            v -> {
              int y = outZp + QuantMath.multiply(v - inZp, identity);
              return QuantMath.clamp(y, min, max);
            }));
  }
}
