package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * DEQUANTIZE: int8/uint8/int16 to float32 ({@code (float) (scale * (q - zp))} in double, as
 * TFLite's reference) and float16 to float32.
 */
public final class Dequantize implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.setShape(0, in.shape);
    node.requireType(out, TensorType.FLOAT32);
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT16) {
      return m -> {
        for (int i = 0; i < n; i++) {
          short h = Bytes.i16(m.data[ti], m.offset[ti], i);
          Bytes.f32(m.data[to], m.offset[to], i, halfToFloat(h));
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8, TensorType.INT16);
    node.requirePerTensor(in);
    double scale = in.scale();
    int zp = in.zeroPoint();
    TensorType t = in.type;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      for (int i = 0; i < n; i++) {
        int q =
            switch (t) {
              case INT8 -> x[xo + i];
              case UINT8 -> x[xo + i] & 0xFF;
              default -> Bytes.i16(x, xo, i);
            };
        Bytes.f32(m.data[to], m.offset[to], i, (float) (scale * (q - zp)));
      }
    };
  }

  /** IEEE 754 binary16 to float. */
  static float halfToFloat(short h) {
    int bits = h & 0xFFFF;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1F;
    int mant = bits & 0x3FF;
    if (exp == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
