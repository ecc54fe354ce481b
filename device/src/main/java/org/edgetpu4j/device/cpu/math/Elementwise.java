package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** Shared skeleton of binary elementwise kernels with broadcasting. */
public final class Elementwise {
  private Elementwise() {}

  /** Integer arithmetic on two dequantization-free input values, returning the output value. */
  @FunctionalInterface
  public interface IntOp {
    int apply(int a, int b);
  }

  /** Float arithmetic. */
  @FunctionalInterface
  public interface FloatOp {
    float apply(float a, float b);
  }

  /** A float step: {@code out = clamp(op(a, b))}. */
  public static Step floatStep(Node node, Broadcast bc, FloatOp op) {
    float[] r = Activations.floatRange(node, node.activation());
    int t1 = node.in(0).index;
    int t2 = node.in(1).index;
    int to = node.out(0).index;
    int n = bc.size();
    return m -> {
      for (int i = 0; i < n; i++) {
        float a = Bytes.f32(m.data[t1], m.offset[t1], bc.i1(i));
        float b = Bytes.f32(m.data[t2], m.offset[t2], bc.i2(i));
        Bytes.f32(m.data[to], m.offset[to], i, Activations.clamp(op.apply(a, b), r[0], r[1]));
      }
    };
  }

  /** An 8-bit step: raw input values (unsigned for uint8) in, unclamped output value out. */
  public static Step quant8Step(Node node, Broadcast bc, IntOp op, int lo, int hi) {
    Slot s1 = node.in(0);
    Slot s2 = node.in(1);
    boolean u1 = s1.type == TensorType.UINT8;
    boolean u2 = s2.type == TensorType.UINT8;
    int t1 = s1.index;
    int t2 = s2.index;
    int to = node.out(0).index;
    int n = bc.size();
    return m -> {
      byte[] a = m.data[t1];
      int ao = m.offset[t1];
      byte[] b = m.data[t2];
      int bo = m.offset[t2];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int i = 0; i < n; i++) {
        int va = u1 ? a[ao + bc.i1(i)] & 0xFF : a[ao + bc.i1(i)];
        int vb = u2 ? b[bo + bc.i2(i)] & 0xFF : b[bo + bc.i2(i)];
        y[yo + i] = (byte) QuantMath.clamp(op.apply(va, vb), lo, hi);
      }
    };
  }

  /** Refuses unless both inputs and the output are 8-bit of one type. */
  public static void require8Bit(Node node) {
    Slot a = node.in(0);
    node.requireType(a, TensorType.INT8, TensorType.UINT8);
    node.require(
        node.in(1).type == a.type && node.out(0).type == a.type,
        "input/output types "
            + a.type
            + "/"
            + node.in(1).type
            + "/"
            + node.out(0).type
            + " differ");
    node.requirePerTensor(a);
    node.requirePerTensor(node.in(1));
    node.requirePerTensor(node.out(0));
  }
}
