package org.edgetpu4j.device.cpu;

import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/**
 * What planning knows about one tensor: type, current shape, quantization and, for constants, the
 * data. Kernels read slots in {@code prepare} and set output shapes on them.
 */
final class Slot {
  final int index;
  final String name;
  final TensorType type;
  final float[] scales;
  final int[] zeroPoints;
  final int quantizedDimension;
  int[] shape;

  /** Constant data (model buffer or folded at planning time); null for activations. */
  byte[] constant;

  Slot(int index, Tensor t, int[] shape, byte[] constant) {
    this.index = index;
    this.name = t.name();
    this.type = t.type();
    QuantParams q = t.quantization();
    this.scales = q.scale().toArray();
    long[] zps = q.zeroPoint().toArray();
    this.zeroPoints = new int[zps.length];
    for (int i = 0; i < zps.length; i++) {
      zeroPoints[i] = (int) zps[i];
    }
    this.quantizedDimension = q.quantizedDimension();
    this.shape = shape;
    this.constant = constant;
  }

  boolean isConstant() {
    return constant != null;
  }

  boolean isQuantized() {
    return scales.length > 0;
  }

  /** The per-tensor scale (the first one). */
  float scale() {
    return scales.length == 0 ? 0f : scales[0];
  }

  /** The per-tensor zero point (the first one), 0 when not quantized. */
  int zeroPoint() {
    return zeroPoints.length == 0 ? 0 : zeroPoints[0];
  }

  int rank() {
    return shape.length;
  }

  int dim(int i) {
    return shape[i];
  }

  int elementCount() {
    return Shapes.flatSize(shape);
  }

  int byteSize() {
    return Math.toIntExact(type.byteSize(elementCount()));
  }

  /** {@code T#3 'name'}, the way errors name tensors. */
  String describe() {
    return "T#" + index + " '" + name + "'";
  }
}
