package org.edgetpu4j.device.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;

/** Conversions between real values and the raw bytes of quantized or float tensors. */
final class QuantIo {
  private QuantIo() {}

  static byte[] quantize(TensorInfo info, float[] real) {
    if (real.length != info.elementCount()) {
      throw new InvalidInputException(
          "T#"
              + info.index()
              + " '"
              + info.name()
              + "' has "
              + info.elementCount()
              + " elements, got "
              + real.length
              + " values");
    }
    ByteBuffer b = ByteBuffer.allocate(info.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (info.type()) {
      case FLOAT32 -> {
        for (float v : real) {
          b.putFloat(v);
        }
      }
      case INT8, UINT8, INT16 -> {
        requireQuantized(info);
        float scale = info.scales().get(0);
        long zp = info.zeroPoints().get(0);
        int lo = Activations.qmin(info.type());
        int hi = Activations.qmax(info.type());
        for (float v : real) {
          long q = QuantMath.roundHalfAway((double) (v / scale)) + zp;
          int c = (int) Math.max(lo, Math.min(hi, q));
          if (info.type() == org.edgetpu4j.tflite.TensorType.INT16) {
            b.putShort((short) c);
          } else {
            b.put((byte) c);
          }
        }
      }
      default ->
          throw new InvalidInputException(
              "cannot quantize values for a " + info.type() + " tensor");
    }
    return b.array();
  }

  static float[] dequantize(TensorInfo info, byte[] raw) {
    if (raw.length != info.byteSize()) {
      throw new InvalidInputException(
          "T#" + info.index() + " needs " + info.byteSize() + " bytes, got " + raw.length);
    }
    int n = info.elementCount();
    float[] out = new float[n];
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    if (info.type() == org.edgetpu4j.tflite.TensorType.FLOAT32) {
      for (int i = 0; i < n; i++) {
        out[i] = b.getFloat();
      }
      return out;
    }
    requireQuantized(info);
    float scale = info.scales().get(0);
    long zp = info.zeroPoints().get(0);
    for (int i = 0; i < n; i++) {
      long q =
          switch (info.type()) {
            case INT8 -> raw[i];
            case UINT8 -> raw[i] & 0xFF;
            case INT16 -> b.getShort(2 * i);
            case INT32 -> b.getInt(4 * i);
            default ->
                throw new InvalidInputException("cannot dequantize a " + info.type() + " tensor");
          };
      out[i] = scale * (q - zp);
    }
    return out;
  }

  private static void requireQuantized(TensorInfo info) {
    if (!info.isQuantized()) {
      throw new InvalidInputException(
          "T#"
              + info.index()
              + " '"
              + info.name()
              + "' ("
              + info.type()
              + ") has no per-tensor scale and zero point");
    }
  }
}
