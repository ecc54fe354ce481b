package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.kernels.elementwise.Indexing;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * ADD, SUB and MUL on int16 with broadcasting. ADD and SUB take TFLite's general-scale path: both
 * inputs shifted left by 15, rescaled to twice the larger input scale, combined and rescaled to the
 * output. MUL rescales the product by {@code s1 * s2 / s_out}. The power-of-two-scale ADD/SUB
 * variant (models asking for {@code pot_scale_int16} with power-of-two scales) is refused.
 */
public final class Arith16 implements Kernel {
  /** Which operator. */
  public enum Kind {
    ADD,
    SUB,
    MUL
  }

  private final Kind kind;

  public Arith16(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    Q16.requireInt16(node, a);
    Q16.requireInt16(node, b);
    Q16.requireInt16(node, out);
    int[] shape = Indexing.broadcastShape(node, a, b);
    node.setShape(0, shape);
    int[] ia = Indexing.map(node, shape, a.shape);
    int[] ib = Indexing.map(node, shape, b.shape);
    int[] r = Q16.range(node, out);
    int lo = r[0];
    int hi = r[1];
    int n = out.elementCount();
    int t1 = a.index;
    int t2 = b.index;
    int to = out.index;
    if (kind == Kind.MUL) {
      QuantMath.Multiplier mo =
          QuantMath.quantizeMultiplier((double) a.scale() * b.scale() / out.scale());
      return m -> {
        for (int k = 0; k < n; k++) {
          int x = Bytes.i16(m.data[t1], m.offset[t1], Indexing.at(ia, k));
          int y = Bytes.i16(m.data[t2], m.offset[t2], Indexing.at(ib, k));
          int v = QuantMath.multiply(x * y, mo);
          Q16.put(m.data[to], m.offset[to], k, Math.min(Math.max(v, lo), hi));
        }
      };
    }
    boolean pot = node.options.has("pot_scale_int16") && node.options.getBool("pot_scale_int16");
    node.require(
        !pot
            || Sigmoid16.log2Exact(a.scale()) == Integer.MIN_VALUE
            || Sigmoid16.log2Exact(b.scale()) == Integer.MIN_VALUE
            || Sigmoid16.log2Exact(out.scale()) == Integer.MIN_VALUE,
        "the power-of-two-scale int16 variant (pot_scale_int16) is not supported");
    int leftShift = 15;
    double twiceMax = 2 * (double) Math.max(a.scale(), b.scale());
    QuantMath.Multiplier m1 = QuantMath.quantizeMultiplier(a.scale() / twiceMax);
    QuantMath.Multiplier m2 = QuantMath.quantizeMultiplier(b.scale() / twiceMax);
    QuantMath.Multiplier mo =
        QuantMath.quantizeMultiplier(twiceMax / ((1 << leftShift) * (double) out.scale()));
    boolean sub = kind == Kind.SUB;
    return m -> {
      for (int k = 0; k < n; k++) {
        int x = Bytes.i16(m.data[t1], m.offset[t1], Indexing.at(ia, k));
        int y = Bytes.i16(m.data[t2], m.offset[t2], Indexing.at(ib, k));
        int s1 = QuantMath.multiply(x * (1 << leftShift), m1);
        int s2 = QuantMath.multiply(y * (1 << leftShift), m2);
        int v = QuantMath.multiply(sub ? s1 - s2 : s1 + s2, mo);
        Q16.put(m.data[to], m.offset[to], k, Math.min(Math.max(v, lo), hi));
      }
    };
  }
}
