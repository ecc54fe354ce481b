package org.edgetpu4j.device.cpu.kernels.reduce;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.edgetpu4j.device.cpu.kernels.reduce.Reduce.Kind;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** The per-type loops of {@link Reduce}: identity, then one update per input element. */
final class Reducers {
  private static final VarHandle I64 =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Reducers() {}

  static Step step(Kind kind, Slot in, Slot out, int[] map, int outCount) {
    int ti = in.index;
    int to = out.index;
    int n = map.length;
    return switch (in.type) {
      case FLOAT32 ->
          m -> {
            float init =
                switch (kind) {
                  case SUM -> 0f;
                  case PROD -> 1f;
                  case MAX -> -Float.MAX_VALUE;
                  default -> Float.MAX_VALUE;
                };
            byte[] y = m.data[to];
            int yo = m.offset[to];
            for (int k = 0; k < outCount; k++) {
              Bytes.f32(y, yo, k, init);
            }
            for (int i = 0; i < n; i++) {
              float x = Bytes.f32(m.data[ti], m.offset[ti], i);
              float a = Bytes.f32(y, yo, map[i]);
              Bytes.f32(
                  y,
                  yo,
                  map[i],
                  switch (kind) {
                    case SUM -> a + x;
                    case PROD -> a * x;
                    case MAX -> a > x ? a : x;
                    default -> a < x ? a : x;
                  });
            }
          };
      case INT32 ->
          m -> {
            int init =
                switch (kind) {
                  case SUM -> 0;
                  case PROD -> 1;
                  case MAX -> Integer.MIN_VALUE;
                  default -> Integer.MAX_VALUE;
                };
            byte[] y = m.data[to];
            int yo = m.offset[to];
            for (int k = 0; k < outCount; k++) {
              Bytes.i32(y, yo, k, init);
            }
            for (int i = 0; i < n; i++) {
              int x = Bytes.i32(m.data[ti], m.offset[ti], i);
              int a = Bytes.i32(y, yo, map[i]);
              Bytes.i32(
                  y,
                  yo,
                  map[i],
                  switch (kind) {
                    case SUM -> a + x;
                    case PROD -> a * x;
                    case MAX -> Math.max(a, x);
                    default -> Math.min(a, x);
                  });
            }
          };
      case INT64 ->
          m -> {
            long init =
                switch (kind) {
                  case SUM -> 0L;
                  case PROD -> 1L;
                  case MAX -> Long.MIN_VALUE;
                  default -> Long.MAX_VALUE;
                };
            byte[] y = m.data[to];
            int yo = m.offset[to];
            for (int k = 0; k < outCount; k++) {
              I64.set(y, yo + 8 * k, init);
            }
            for (int i = 0; i < n; i++) {
              long x = Bytes.i64(m.data[ti], m.offset[ti], i);
              long a = (long) I64.get(y, yo + 8 * map[i]);
              long r =
                  switch (kind) {
                    case SUM -> a + x;
                    case PROD -> a * x;
                    case MAX -> Math.max(a, x);
                    default -> Math.min(a, x);
                  };
              I64.set(y, yo + 8 * map[i], r);
            }
          };
      case BOOL ->
          m -> {
            boolean any = kind == Kind.ANY;
            byte[] y = m.data[to];
            int yo = m.offset[to];
            for (int k = 0; k < outCount; k++) {
              y[yo + k] = (byte) (any ? 0 : 1);
            }
            for (int i = 0; i < n; i++) {
              boolean x = m.data[ti][m.offset[ti] + i] != 0;
              boolean a = y[yo + map[i]] != 0;
              y[yo + map[i]] = (byte) ((any ? a || x : a && x) ? 1 : 0);
            }
          };
      case INT16 ->
          m -> {
            boolean max = kind == Kind.MAX;
            byte[] y = m.data[to];
            int yo = m.offset[to];
            for (int k = 0; k < outCount; k++) {
              short init = max ? Short.MIN_VALUE : Short.MAX_VALUE;
              y[yo + 2 * k] = (byte) init;
              y[yo + 2 * k + 1] = (byte) (init >> 8);
            }
            for (int i = 0; i < n; i++) {
              short x = Bytes.i16(m.data[ti], m.offset[ti], i);
              short a = Bytes.i16(y, yo, map[i]);
              short r = max ? (short) Math.max(a, x) : (short) Math.min(a, x);
              y[yo + 2 * map[i]] = (byte) r;
              y[yo + 2 * map[i] + 1] = (byte) (r >> 8);
            }
          };
      default -> {
        boolean unsigned = in.type == org.edgetpu4j.tflite.TensorType.UINT8;
        boolean max = kind == Kind.MAX;
        int[] acc = new int[outCount];
        yield m -> {
          byte[] y = m.data[to];
          int yo = m.offset[to];
          java.util.Arrays.fill(acc, max ? Integer.MIN_VALUE : Integer.MAX_VALUE);
          byte[] x = m.data[ti];
          int xo = m.offset[ti];
          for (int i = 0; i < n; i++) {
            int v = unsigned ? x[xo + i] & 0xFF : x[xo + i];
            acc[map[i]] = max ? Math.max(acc[map[i]], v) : Math.min(acc[map[i]], v);
          }
          for (int k = 0; k < outCount; k++) {
            y[yo + k] = (byte) acc[k];
          }
        };
      }
    };
  }
}
