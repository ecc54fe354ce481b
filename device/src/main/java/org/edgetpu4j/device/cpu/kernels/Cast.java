package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * CAST between float32, int8, uint8, int16, int32, int64 and bool, as C++ {@code static_cast}:
 * floats truncate toward zero, integers wrap to the narrower type, bool is {@code v != 0}. Floats
 * outside the target range: see {@link #writeFloat}.
 */
public final class Cast implements Kernel {
  private static final TensorType[] TYPES = {
    TensorType.FLOAT32,
    TensorType.INT8,
    TensorType.UINT8,
    TensorType.INT16,
    TensorType.INT32,
    TensorType.INT64,
    TensorType.BOOL
  };

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireType(in, TYPES);
    node.requireType(out, TYPES);
    node.setShape(0, in.shape.clone());
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    TensorType from = in.type;
    TensorType into = out.type;
    boolean floatIn = from == TensorType.FLOAT32;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int i = 0; i < n; i++) {
        if (floatIn) {
          writeFloat(into, y, yo, i, Bytes.f32(x, xo, i));
        } else {
          writeLong(into, y, yo, i, readLong(from, x, xo, i));
        }
      }
    };
  }

  /** Element {@code i} of an integer or bool tensor. */
  static long readLong(TensorType t, byte[] x, int xo, int i) {
    return switch (t) {
      case INT8 -> x[xo + i];
      case UINT8, BOOL -> x[xo + i] & 0xFF;
      case INT16 -> Bytes.i16(x, xo, i);
      case INT32 -> Bytes.i32(x, xo, i);
      default -> Bytes.i64(x, xo, i);
    };
  }

  private static void writeLong(TensorType t, byte[] y, int yo, int i, long v) {
    switch (t) {
      case FLOAT32 -> Bytes.f32(y, yo, i, (float) v);
      case BOOL -> y[yo + i] = (byte) (v != 0 ? 1 : 0);
      case INT8, UINT8 -> y[yo + i] = (byte) v;
      case INT16 -> {
        y[yo + 2 * i] = (byte) v;
        y[yo + 2 * i + 1] = (byte) (v >> 8);
      }
      case INT32 -> Bytes.i32(y, yo, i, (int) v);
      default -> Bytes.i64(y, yo, i, v);
    }
  }

  /**
   * float to another type. In range, every type truncates toward zero. Out of range (undefined in
   * C++) this follows what TFLite's x86-64 reference build produces: uint8, int16 and int32
   * saturate, int8 keeps the low byte of the 32-bit conversion (whose out-of-range result is {@code
   * INT32_MIN}), int64 gives {@code INT64_MIN}.
   */
  private static void writeFloat(TensorType t, byte[] y, int yo, int i, float v) {
    switch (t) {
      case FLOAT32 -> Bytes.f32(y, yo, i, v);
      case BOOL -> y[yo + i] = (byte) (v != 0 ? 1 : 0);
      case UINT8 -> y[yo + i] = (byte) Math.max(0, Math.min(255, (int) v));
      case INT16 -> writeLong(t, y, yo, i, Math.max(-32768, Math.min(32767, (int) v)));
      case INT8 -> y[yo + i] = (byte) (inIntRange(v) ? (int) v : Integer.MIN_VALUE);
      case INT64 -> Bytes.i64(y, yo, i, v >= -0x1p63f && v < 0x1p63f ? (long) v : Long.MIN_VALUE);
      default -> Bytes.i32(y, yo, i, (int) v);
    }
  }

  private static boolean inIntRange(float v) {
    return v >= -0x1p31f && v < 0x1p31f;
  }
}
