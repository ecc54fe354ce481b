package org.edgetpu4j.device.coral.pkg;

import java.util.List;
import java.util.Optional;

/**
 * An input or output layer of an executable.
 *
 * @param name layer name (matches the TFLite tensor feeding or fed by the custom op)
 * @param sizeBytes padded size in bytes per batch and execution
 * @param y y dimension
 * @param x x dimension
 * @param z z dimension
 * @param zeroPoint quantization zero point
 * @param scale dequantization factor
 * @param dataType the package's data type code (0 FIXED_POINT8 ... 9 SIGNED_FIXED_POINT16)
 * @param executionCount executions per inference
 * @param output true for an output layer
 * @param layout the output tile layout, when given
 * @param slices the output slices streamed by the device, when given
 * @param sliceOffsets byte offset of each slice
 * @param shape the layer shape, when given
 */
public record Layer(
    String name,
    int sizeBytes,
    int y,
    int x,
    int z,
    int zeroPoint,
    float scale,
    int dataType,
    int executionCount,
    boolean output,
    Optional<OutputLayout> layout,
    List<TensorLayout> slices,
    int[] sliceOffsets,
    Optional<TensorLayout> shape) {

  /** Copies the list. */
  public Layer {
    slices = List.copyOf(slices);
  }

  /** Bytes per element of {@link #dataType()}. */
  public int elementBytes() {
    return switch (dataType) {
      case 0, 8 -> 1;
      case 1, 9, 3, 4 -> 2;
      case 2, 5 -> 4;
      default ->
          throw new PackageFormatException("layer " + name + ": unknown data type " + dataType);
    };
  }

  /** True for the signed fixed-point types whose most significant byte the driver flips. */
  public boolean signed() {
    return dataType == 8 || dataType == 9;
  }

  /** Unpadded size: elements times element size times executions. */
  public int actualBytes() {
    return y * x * z * elementBytes() * executionCount;
  }

  /** Padded size: {@link #sizeBytes()} times executions. */
  public int paddedBytes() {
    return sizeBytes * executionCount;
  }
}
