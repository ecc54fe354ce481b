package org.edgetpu4j.device.cpu.kernels.elementwise;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * Comparisons (EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL) with broadcasting and a
 * bool output, on float32, int32, int64, int8, uint8 and (EQUAL, NOT_EQUAL) bool; LOGICAL_AND and
 * LOGICAL_OR on bool.
 */
public final class Compare implements Kernel {
  /**
   * 8-bit inputs: both sides are brought to a common scale as TFLite does ({@code (q - zp) << 8}
   * times each input's scale as a fixed-point multiplier) and compared there.
   */
  private static Step quantized(Node node, Slot a, Slot b, int[] ia, int[] ib, int n, Outcome o) {
    node.requirePerTensor(a);
    node.requirePerTensor(b);
    QuantMath.Multiplier m1 = QuantMath.quantizeMultiplier(a.scale());
    QuantMath.Multiplier m2 = QuantMath.quantizeMultiplier(b.scale());
    int off1 = -a.zeroPoint();
    int off2 = -b.zeroPoint();
    boolean unsigned = a.type == TensorType.UINT8;
    int t1 = a.index;
    int t2 = b.index;
    int to = node.out(0).index;
    return m -> {
      for (int k = 0; k < n; k++) {
        int x = m.data[t1][m.offset[t1] + Indexing.at(ia, k)];
        int y = m.data[t2][m.offset[t2] + Indexing.at(ib, k)];
        if (unsigned) {
          x &= 0xFF;
          y &= 0xFF;
        }
        int sx = QuantMath.multiply((x + off1) * (1 << 8), m1);
        int sy = QuantMath.multiply((y + off2) * (1 << 8), m2);
        m.data[to][m.offset[to] + k] = (byte) (o.of(Integer.compare(sx, sy)) ? 1 : 0);
      }
    };
  }

  /** The outcome of comparing two numbers: the sign of {@code a - b}. */
  private interface Outcome {
    boolean of(int sign);
  }

  private final Outcome outcome;
  private final boolean boolOk;
  private final Boolean logicalAnd;

  private Compare(Outcome outcome, boolean boolOk, Boolean logicalAnd) {
    this.outcome = outcome;
    this.boolOk = boolOk;
    this.logicalAnd = logicalAnd;
  }

  public static Compare equal() {
    return new Compare(s -> s == 0, true, null);
  }

  public static Compare notEqual() {
    return new Compare(s -> s != 0, true, null);
  }

  public static Compare less() {
    return new Compare(s -> s < 0, false, null);
  }

  public static Compare lessEqual() {
    return new Compare(s -> s <= 0, false, null);
  }

  public static Compare greater() {
    return new Compare(s -> s > 0, false, null);
  }

  public static Compare greaterEqual() {
    return new Compare(s -> s >= 0, false, null);
  }

  /** LOGICAL_AND ({@code and} true) or LOGICAL_OR. */
  public static Compare logical(boolean and) {
    return new Compare(null, true, and);
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    node.require(b.type == a.type, "input types " + a.type + " and " + b.type + " differ");
    node.requireType(out, TensorType.BOOL);
    int[] shape = Indexing.broadcastShape(node, a, b);
    node.setShape(0, shape);
    int[] ia = Indexing.map(node, shape, a.shape);
    int[] ib = Indexing.map(node, shape, b.shape);
    int n = out.elementCount();
    int t1 = a.index;
    int t2 = b.index;
    int to = out.index;
    if (logicalAnd != null) {
      node.requireType(a, TensorType.BOOL);
      boolean and = logicalAnd;
      return m -> {
        byte[] x = m.data[t1];
        byte[] y = m.data[t2];
        byte[] z = m.data[to];
        int xo = m.offset[t1];
        int yo = m.offset[t2];
        int zo = m.offset[to];
        for (int k = 0; k < n; k++) {
          boolean p = x[xo + Indexing.at(ia, k)] != 0;
          boolean q = y[yo + Indexing.at(ib, k)] != 0;
          z[zo + k] = (byte) ((and ? p && q : p || q) ? 1 : 0);
        }
      };
    }
    Outcome o = outcome;
    switch (a.type) {
      case FLOAT32:
        return m -> {
          for (int k = 0; k < n; k++) {
            float x = Bytes.f32(m.data[t1], m.offset[t1], Indexing.at(ia, k));
            float y = Bytes.f32(m.data[t2], m.offset[t2], Indexing.at(ib, k));
            // NaN compares false except for NOT_EQUAL, as in C++
            boolean r;
            if (x != x || y != y) {
              r = o.of(1) && o.of(-1) && !o.of(0);
            } else {
              r = o.of(x < y ? -1 : x > y ? 1 : 0);
            }
            m.data[to][m.offset[to] + k] = (byte) (r ? 1 : 0);
          }
        };
      case INT32:
        return m -> {
          for (int k = 0; k < n; k++) {
            int x = Bytes.i32(m.data[t1], m.offset[t1], Indexing.at(ia, k));
            int y = Bytes.i32(m.data[t2], m.offset[t2], Indexing.at(ib, k));
            m.data[to][m.offset[to] + k] = (byte) (o.of(Integer.compare(x, y)) ? 1 : 0);
          }
        };
      case INT64:
        return m -> {
          for (int k = 0; k < n; k++) {
            long x = Bytes.i64(m.data[t1], m.offset[t1], Indexing.at(ia, k));
            long y = Bytes.i64(m.data[t2], m.offset[t2], Indexing.at(ib, k));
            m.data[to][m.offset[to] + k] = (byte) (o.of(Long.compare(x, y)) ? 1 : 0);
          }
        };
      case BOOL:
        node.require(boolOk, "bool inputs are only compared for (in)equality");
        return m -> {
          for (int k = 0; k < n; k++) {
            int x = m.data[t1][m.offset[t1] + Indexing.at(ia, k)] != 0 ? 1 : 0;
            int y = m.data[t2][m.offset[t2] + Indexing.at(ib, k)] != 0 ? 1 : 0;
            m.data[to][m.offset[to] + k] = (byte) (o.of(Integer.compare(x, y)) ? 1 : 0);
          }
        };
      case INT8:
      case UINT8:
        return quantized(node, a, b, ia, ib, n, o);
      default:
        throw node.fail(a.describe() + " has type " + a.type + ", which comparisons do not take");
    }
  }
}
