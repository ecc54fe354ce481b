package org.edgetpu4j.tflite;

import java.util.Objects;

/**
 * The element type of a {@link TensorType#VARIANT} tensor.
 *
 * @param shape dimensions
 * @param type element type
 * @param hasRank whether the rank is known
 */
public record VariantSubType(IntArray shape, TensorType type, boolean hasRank) {
  /** Checks that no component is null. */
  public VariantSubType {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(type, "type");
  }
}
