package org.edgetpu4j.device.cpu.node;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian element access to byte arrays, for float, int32, int16 and int64 tensors. */
public final class Bytes {
  private static final VarHandle F32 =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I16 =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  /** Float element {@code i} of a tensor starting at {@code base}. */
  public static float f32(byte[] a, int base, int i) {
    return (float) F32.get(a, base + 4 * i);
  }

  public static void f32(byte[] a, int base, int i, float v) {
    F32.set(a, base + 4 * i, v);
  }

  public static int i32(byte[] a, int base, int i) {
    return (int) I32.get(a, base + 4 * i);
  }

  public static void i32(byte[] a, int base, int i, int v) {
    I32.set(a, base + 4 * i, v);
  }

  public static short i16(byte[] a, int base, int i) {
    return (short) I16.get(a, base + 2 * i);
  }

  public static long i64(byte[] a, int base, int i) {
    return (long) I64.get(a, base + 8 * i);
  }

  /** All elements of a constant int32 tensor. */
  public static int[] ints(byte[] a) {
    int[] out = new int[a.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = i32(a, 0, i);
    }
    return out;
  }

  /** All elements of a constant float32 tensor. */
  public static float[] floats(byte[] a) {
    float[] out = new float[a.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = f32(a, 0, i);
    }
    return out;
  }
}
