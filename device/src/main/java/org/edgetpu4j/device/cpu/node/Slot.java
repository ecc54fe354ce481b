package org.edgetpu4j.device.cpu.node;

import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/**
 * What planning knows about one tensor: type, current shape, quantization and, for constants, the
 * data. Kernels read slots in {@code prepare} and set output shapes on them.
 */
public final class Slot {
  public final int index;
  public final String name;
  public final TensorType type;
  public final float[] scales;
  public final int[] zeroPoints;
  final int quantizedDimension;
  public int[] shape;

  /** Constant data (model buffer or folded at planning time); null for activations. */
  public byte[] constant;

  public Slot(int index, Tensor t, int[] shape, byte[] constant) {
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

  public boolean isConstant() {
    return constant != null;
  }

  boolean isQuantized() {
    return scales.length > 0;
  }

  /** The per-tensor scale (the first one). */
  public float scale() {
    return scales.length == 0 ? 0f : scales[0];
  }

  /** The per-tensor zero point (the first one), 0 when not quantized. */
  public int zeroPoint() {
    return zeroPoints.length == 0 ? 0 : zeroPoints[0];
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  public int elementCount() {
    return Shapes.flatSize(shape);
  }

  public int byteSize() {
    return Math.toIntExact(type.byteSize(elementCount()));
  }

  /** {@code T#3 'name'}, the way errors name tensors. */
  public String describe() {
    return "T#" + index + " '" + name + "'";
  }
}
