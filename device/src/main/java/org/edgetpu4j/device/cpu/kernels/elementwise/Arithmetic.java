package org.edgetpu4j.device.cpu.kernels.elementwise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.TensorType;

/**
 * Binary arithmetic with broadcasting on float32, int32 and int64 (whichever the operator defines),
 * with the fused activation clamp: ADD, SUB, MUL, MAXIMUM, MINIMUM in their wide types,
 * SQUARED_DIFFERENCE, POW and FLOOR_MOD.
 */
public final class Arithmetic implements Kernel {
  static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Float arithmetic. */
  public interface F {
    float apply(float a, float b);
  }

  /** int32 arithmetic. */
  public interface I {
    int apply(int a, int b);
  }

  /** int64 arithmetic. */
  public interface L {
    long apply(long a, long b);
  }

  private final F f;
  private final I i;
  private final L l;

  /** An operator with the given per-type arithmetic (null where the type is not accepted). */
  public Arithmetic(F f, I i, L l) {
    this.f = f;
    this.i = i;
    this.l = l;
  }

  /** ADD in every wide type. */
  public static Arithmetic add() {
    return new Arithmetic((a, b) -> a + b, (a, b) -> a + b, (a, b) -> a + b);
  }

  /** SUB in every wide type. */
  public static Arithmetic sub() {
    return new Arithmetic((a, b) -> a - b, (a, b) -> a - b, (a, b) -> a - b);
  }

  /** MUL in every wide type. */
  public static Arithmetic mul() {
    return new Arithmetic((a, b) -> a * b, (a, b) -> a * b, (a, b) -> a * b);
  }

  /** MAXIMUM in every wide type. */
  public static Arithmetic maximum() {
    return new Arithmetic(Math::max, Math::max, Math::max);
  }

  /** MINIMUM in every wide type. */
  public static Arithmetic minimum() {
    return new Arithmetic(Math::min, Math::min, Math::min);
  }

  /** SQUARED_DIFFERENCE: float32 and int32. */
  public static Arithmetic squaredDifference() {
    return new Arithmetic((a, b) -> (a - b) * (a - b), (a, b) -> (a - b) * (a - b), null);
  }

  /** POW: float32 ({@code powf}) and int32 (repeated squaring; negative exponents refused). */
  public static Arithmetic pow() {
    return new Arithmetic((a, b) -> (float) Math.pow(a, b), Arithmetic::intPow, null);
  }

  /** FLOOR_MOD: the remainder takes the sign of the divisor; a zero integer divisor is refused. */
  public static Arithmetic floorMod() {
    return new Arithmetic(
        (a, b) -> {
          float r = a % b;
          return r != 0 && ((b < 0) != (r < 0)) ? r + b : r;
        },
        (a, b) -> {
          if (b == 0) {
            throw new InvalidInputException("FLOOR_MOD: division by zero");
          }
          return Math.floorMod(a, b);
        },
        (a, b) -> {
          if (b == 0) {
            throw new InvalidInputException("FLOOR_MOD: division by zero");
          }
          return Math.floorMod(a, b);
        });
  }

  static int intPow(int base, int exp) {
    if (exp < 0) {
      throw new InvalidInputException("POW: integer to a negative power " + exp);
    }
    int result = 1;
    int b = base;
    int e = exp;
    while (e != 0) {
      if ((e & 1) != 0) {
        result *= b;
      }
      e >>= 1;
      b *= b;
    }
    return result;
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    node.require(
        b.type == a.type && out.type == a.type,
        "input/output types " + a.type + "/" + b.type + "/" + out.type + " differ");
    int[] shape = Indexing.broadcastShape(node, a, b);
    node.setShape(0, shape);
    int[] ia = Indexing.map(node, shape, a.shape);
    int[] ib = Indexing.map(node, shape, b.shape);
    int n = out.elementCount();
    int t1 = a.index;
    int t2 = b.index;
    int to = out.index;
    Activation act = node.activation();
    if (a.type == TensorType.FLOAT32 && f != null) {
      float[] r = Activations.floatRange(node, act);
      float lo = r[0];
      float hi = r[1];
      F op = f;
      return m -> {
        for (int k = 0; k < n; k++) {
          float x = Bytes.f32(m.data[t1], m.offset[t1], Indexing.at(ia, k));
          float y = Bytes.f32(m.data[t2], m.offset[t2], Indexing.at(ib, k));
          Bytes.f32(m.data[to], m.offset[to], k, Activations.clamp(op.apply(x, y), lo, hi));
        }
      };
    }
    long[] r = intRange(node, act);
    if (a.type == TensorType.INT32 && i != null) {
      int lo = (int) Math.max(r[0], Integer.MIN_VALUE);
      int hi = (int) Math.min(r[1], Integer.MAX_VALUE);
      I op = i;
      return m -> {
        for (int k = 0; k < n; k++) {
          int x = Bytes.i32(m.data[t1], m.offset[t1], Indexing.at(ia, k));
          int y = Bytes.i32(m.data[t2], m.offset[t2], Indexing.at(ib, k));
          Bytes.i32(m.data[to], m.offset[to], k, Math.min(Math.max(op.apply(x, y), lo), hi));
        }
      };
    }
    if (a.type == TensorType.INT64 && l != null) {
      long lo = r[0];
      long hi = r[1];
      L op = l;
      return m -> {
        for (int k = 0; k < n; k++) {
          long x = (long) I64.get(m.data[t1], m.offset[t1] + 8 * Indexing.at(ia, k));
          long y = (long) I64.get(m.data[t2], m.offset[t2] + 8 * Indexing.at(ib, k));
          I64.set(m.data[to], m.offset[to] + 8 * k, Math.min(Math.max(op.apply(x, y), lo), hi));
        }
      };
    }
    throw node.fail(a.describe() + " has type " + a.type + ", which this operator does not take");
  }

  /** Integer clamp of a fused activation, as TFLite's CalculateActivationRange for integers. */
  static long[] intRange(Node node, Activation act) {
    return switch (act) {
      case NONE -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      case RELU -> new long[] {0, Long.MAX_VALUE};
      case RELU6 -> new long[] {0, 6};
      case RELU_N1_TO_1 -> new long[] {-1, 1};
      default -> throw node.fail("fused activation " + act + " is not supported");
    };
  }
}
