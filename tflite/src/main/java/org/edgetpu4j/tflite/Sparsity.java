package org.edgetpu4j.tflite;

import java.util.List;
import java.util.Objects;

/**
 * How a sparse constant tensor is stored (the TFLite format's TACO-style encoding).
 *
 * @param traversalOrder order in which dimensions (then block dimensions) are traversed
 * @param blockMap for each block dimension, the tensor dimension it subdivides
 * @param dimMetadata per traversed dimension, dense size or compressed segments and indices
 */
public record Sparsity(
    IntArray traversalOrder, IntArray blockMap, List<Sparsity.DimensionMetadata> dimMetadata) {

  /** Checks that no component is null and copies the list. */
  public Sparsity {
    Objects.requireNonNull(traversalOrder, "traversalOrder");
    Objects.requireNonNull(blockMap, "blockMap");
    dimMetadata = List.copyOf(dimMetadata);
  }

  /**
   * One traversed dimension.
   *
   * @param sparse false for a dense dimension (size in {@code denseSize}), true for compressed
   *     sparse row storage (segments and indices)
   * @param denseSize size of a dense dimension
   * @param arraySegments CSR segment offsets
   * @param arrayIndices CSR indices
   */
  public record DimensionMetadata(
      boolean sparse, int denseSize, IndexVector arraySegments, IndexVector arrayIndices) {
    /** Checks that no component is null. */
    public DimensionMetadata {
      Objects.requireNonNull(arraySegments, "arraySegments");
      Objects.requireNonNull(arrayIndices, "arrayIndices");
    }
  }

  /**
   * Index data of a sparse dimension with the width it is stored in.
   *
   * @param width storage width in bits: 32, 16 or 8, or 0 when absent
   * @param values the indices
   */
  public record IndexVector(int width, IntArray values) {
    /** An absent vector. */
    public static final IndexVector ABSENT = new IndexVector(0, IntArray.empty());

    /** Checks the width. */
    public IndexVector {
      Objects.requireNonNull(values, "values");
      if (width != 0 && width != 8 && width != 16 && width != 32) {
        throw new IllegalArgumentException("index width must be 0, 8, 16 or 32, was " + width);
      }
    }
  }
}
