package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * ARG_MAX / ARG_MIN: index of the largest (smallest) value along a constant axis, the first one on
 * ties, as int32 or int64. Inputs float32, int8, uint8, int16, int32, int64 and bool, as TFLite's
 * reference kernel; quantized values are compared as stored (the order is the same).
 */
public final class ArgMinMax implements Kernel {
  private final boolean max;

  /** ARG_MAX when {@code max}, else ARG_MIN. */
  public ArgMinMax(boolean max) {
    this.max = max;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot axisSlot = node.in(1);
    Slot out = node.out(0);
    node.requireType(
        in,
        TensorType.FLOAT32,
        TensorType.INT8,
        TensorType.UINT8,
        TensorType.INT16,
        TensorType.INT32,
        TensorType.INT64,
        TensorType.BOOL);
    node.requireConstant(axisSlot);
    node.requireType(axisSlot, TensorType.INT32, TensorType.INT64);
    node.require(
        axisSlot.elementCount() == 1,
        axisSlot.describe() + " has " + axisSlot.elementCount() + " values, expected 1");
    node.requireType(out, TensorType.INT32, TensorType.INT64);
    int rank = in.rank();
    node.require(rank >= 1, in.describe() + " is a scalar, expected rank >= 1");
    long axisValue =
        axisSlot.type == TensorType.INT32
            ? Bytes.ints(axisSlot.constant)[0]
            : Bytes.i64(axisSlot.constant, 0, 0);
    node.require(
        axisValue >= -rank && axisValue < rank,
        axisSlot.describe() + " is " + axisValue + ", expected in [" + -rank + ", " + rank + ")");
    int axis = (int) (axisValue < 0 ? axisValue + rank : axisValue);
    int[] shape = new int[rank - 1];
    long outer = 1;
    long inner = 1;
    for (int d = 0, s = 0; d < rank; d++) {
      if (d == axis) {
        continue;
      }
      shape[s++] = in.dim(d);
      if (d < axis) {
        outer = Math.multiplyExact(outer, in.dim(d));
      } else {
        inner = Math.multiplyExact(inner, in.dim(d));
      }
    }
    int n = in.dim(axis);
    node.require(n > 0, in.describe() + " has an empty axis " + axis);
    node.setShape(0, shape);
    int ti = in.index;
    int to = out.index;
    boolean wide = out.type == TensorType.INT64;
    int rows = Math.toIntExact(outer);
    int cols = Math.toIntExact(inner);
    TensorType type = in.type;
    boolean largest = max;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int base = r * n * cols + c;
          int best = 0;
          for (int j = 1; j < n; j++) {
            int cmp = compare(type, x, xo, base + j * cols, base + best * cols);
            if (largest ? cmp > 0 : cmp < 0) {
              best = j;
            }
          }
          int o = r * cols + c;
          if (wide) {
            Bytes.i64(y, yo, o, best);
          } else {
            Bytes.i32(y, yo, o, best);
          }
        }
      }
    };
  }

  /** Sign of {@code x[a] - x[b]}; 0 when either float is NaN (NaN never wins, as in C++). */
  private static int compare(TensorType type, byte[] x, int xo, int a, int b) {
    switch (type) {
      case FLOAT32:
        {
          float p = Bytes.f32(x, xo, a);
          float q = Bytes.f32(x, xo, b);
          return p > q ? 1 : (p < q ? -1 : 0);
        }
      case INT8:
        return Integer.compare(x[xo + a], x[xo + b]);
      case UINT8:
      case BOOL:
        return Integer.compare(x[xo + a] & 0xFF, x[xo + b] & 0xFF);
      case INT16:
        return Integer.compare(Bytes.i16(x, xo, a), Bytes.i16(x, xo, b));
      case INT32:
        return Integer.compare(Bytes.i32(x, xo, a), Bytes.i32(x, xo, b));
      default:
        return Long.compare(Bytes.i64(x, xo, a), Bytes.i64(x, xo, b));
    }
  }
}
