package org.edgetpu4j.device.cpu.kernels.elementwise;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * Elementwise unary math on float32, int32 and int64 (whichever the operator defines): ABS, NEG,
 * FLOOR, SIGN, COS, SQUARE, RSQRT, LOG and LOGICAL_NOT on bool. Float functions are evaluated in
 * double and rounded once, which equals the C library's correctly rounded float functions.
 */
public final class Unary implements Kernel {
  /** Float function. */
  public interface F {
    float apply(float x);
  }

  /** int32 function. */
  public interface I {
    int apply(int x);
  }

  /** int64 function. */
  public interface L {
    long apply(long x);
  }

  private final F f;
  private final I i;
  private final L l;
  private final boolean logicalNot;

  private Unary(F f, I i, L l, boolean logicalNot) {
    this.f = f;
    this.i = i;
    this.l = l;
    this.logicalNot = logicalNot;
  }

  /** A float32-only operator. */
  public static Unary ofFloat(F f) {
    return new Unary(f, null, null, false);
  }

  public static Unary abs() {
    return new Unary(Math::abs, null, null, false);
  }

  public static Unary neg() {
    return new Unary(x -> -x, x -> -x, x -> -x, false);
  }

  public static Unary sign() {
    return new Unary(x -> x > 0 ? 1f : x < 0 ? -1f : 0f, Integer::signum, null, false);
  }

  public static Unary logicalNot() {
    return new Unary(null, null, null, true);
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.require(
        out.type == in.type, "output type " + out.type + " differs from input type " + in.type);
    node.setShape(0, in.shape);
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    if (logicalNot) {
      node.requireType(in, TensorType.BOOL);
      return m -> {
        for (int k = 0; k < n; k++) {
          m.data[to][m.offset[to] + k] = (byte) (m.data[ti][m.offset[ti] + k] != 0 ? 0 : 1);
        }
      };
    }
    if (in.type == TensorType.FLOAT32 && f != null) {
      F fn = f;
      return m -> {
        for (int k = 0; k < n; k++) {
          Bytes.f32(m.data[to], m.offset[to], k, fn.apply(Bytes.f32(m.data[ti], m.offset[ti], k)));
        }
      };
    }
    if (in.type == TensorType.INT32 && i != null) {
      I fn = i;
      return m -> {
        for (int k = 0; k < n; k++) {
          Bytes.i32(m.data[to], m.offset[to], k, fn.apply(Bytes.i32(m.data[ti], m.offset[ti], k)));
        }
      };
    }
    if (in.type == TensorType.INT64 && l != null) {
      L fn = l;
      return m -> {
        for (int k = 0; k < n; k++) {
          long x = Bytes.i64(m.data[ti], m.offset[ti], k);
          Arithmetic.I64.set(m.data[to], m.offset[to] + 8 * k, fn.apply(x));
        }
      };
    }
    throw node.fail(in.describe() + " has type " + in.type + ", which this operator does not take");
  }
}
