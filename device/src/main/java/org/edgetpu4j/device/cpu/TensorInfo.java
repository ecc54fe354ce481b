package org.edgetpu4j.device.cpu;

import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.TensorType;

/**
 * An input or output of an interpreter: what bytes it takes or gives.
 *
 * @param index tensor index in the main subgraph
 * @param name tensor name
 * @param type element type; raw data is little-endian in this type
 * @param shape the shape of the current plan
 * @param shapeSignature the model's shape signature (-1 = dynamic), empty when none
 * @param scales quantization scales, empty when not quantized
 * @param zeroPoints quantization zero points, empty when not quantized
 */
public record TensorInfo(
    int index,
    String name,
    TensorType type,
    IntArray shape,
    IntArray shapeSignature,
    FloatArray scales,
    LongArray zeroPoints) {

  /** Number of elements. */
  public int elementCount() {
    int n = 1;
    for (int i = 0; i < shape.length(); i++) {
      n = Math.multiplyExact(n, shape.get(i));
    }
    return n;
  }

  /** Bytes of raw data. */
  public int byteSize() {
    return Math.toIntExact(type.byteSize(elementCount()));
  }

  /** True when quantized with a single scale and zero point. */
  public boolean isQuantized() {
    return scales.length() == 1;
  }

  /** True when the first dimension is dynamic (-1 in the shape signature). */
  public boolean hasDynamicBatch() {
    return shapeSignature.length() > 0 && shapeSignature.get(0) < 0;
  }

  /**
   * Encodes real values as this tensor's raw bytes: {@code q = round(real / scale) + zero_point}
   * clamped to the type's range for quantized tensors, as they are for float tensors.
   *
   * @throws InvalidInputException when the count does not match or the type cannot be encoded
   */
  public byte[] quantize(float[] real) {
    return QuantIo.quantize(this, real);
  }

  /**
   * The real values of raw bytes of this tensor: {@code scale * (q - zero_point)}, or the floats.
   *
   * @throws InvalidInputException when the length does not match or the type cannot be decoded
   */
  public float[] dequantize(byte[] raw) {
    return QuantIo.dequantize(this, raw);
  }
}
