package org.edgetpu4j.tflite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tensor of a subgraph.
 *
 * @param name the tensor's name, empty when the file has none
 * @param type element type
 * @param shape dimensions (row-major, NHWC for images); empty for scalars and unknown ranks
 * @param shapeSignature like {@code shape} with -1 for dimensions known only at run time; empty
 *     when the file records none
 * @param buffer index into {@link Model#buffers()}; buffer 0 is the empty sentinel
 * @param quantization quantization parameters, {@link QuantParams#NONE} when not quantized
 * @param isVariable true for variable tensors that operators update in place
 * @param hasRank distinguishes a scalar (true, empty shape) from an unknown rank (false)
 * @param sparsity how a sparse constant is stored, when it is
 * @param variantTensors nested types of a {@link TensorType#VARIANT} tensor
 */
public record Tensor(
    String name,
    TensorType type,
    IntArray shape,
    IntArray shapeSignature,
    int buffer,
    QuantParams quantization,
    boolean isVariable,
    boolean hasRank,
    Optional<Sparsity> sparsity,
    List<VariantSubType> variantTensors) {

  /** Checks that no component is null and copies the list. */
  public Tensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(shapeSignature, "shapeSignature");
    Objects.requireNonNull(quantization, "quantization");
    Objects.requireNonNull(sparsity, "sparsity");
    variantTensors = List.copyOf(variantTensors);
  }

  /** A plain tensor: no signature, not variable, not sparse. */
  public static Tensor of(
      String name, TensorType type, IntArray shape, int buffer, QuantParams quantization) {
    return new Tensor(
        name,
        type,
        shape,
        IntArray.empty(),
        buffer,
        quantization,
        false,
        false,
        Optional.empty(),
        List.of());
  }

  /** Number of dimensions. */
  public int rank() {
    return shape.length();
  }

  /** Product of the dimensions (1 for a scalar). */
  public long elementCount() {
    long n = 1;
    for (int i = 0; i < shape.length(); i++) {
      n = Math.multiplyExact(n, shape.get(i));
    }
    return n;
  }

  /** Bytes of a dense tensor of this shape and type; 0 for types without fixed-size elements. */
  public long byteSize() {
    return type.byteSize(elementCount());
  }

  /** True when some dimension is only known at run time (-1 in the shape signature). */
  public boolean isDynamic() {
    for (int i = 0; i < shapeSignature.length(); i++) {
      if (shapeSignature.get(i) < 0) {
        return true;
      }
    }
    return false;
  }

  /** This tensor with another shape. */
  public Tensor withShape(IntArray newShape) {
    return new Tensor(
        name,
        type,
        newShape,
        shapeSignature,
        buffer,
        quantization,
        isVariable,
        hasRank,
        sparsity,
        variantTensors);
  }
}
