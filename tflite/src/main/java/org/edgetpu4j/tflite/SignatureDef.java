package org.edgetpu4j.tflite;

import java.util.List;
import java.util.Objects;

/**
 * A named entry point of the model, mapping input and output names to tensors of a subgraph.
 *
 * @param key the signature's key (for example {@code serving_default})
 * @param subgraphIndex the subgraph it runs
 * @param inputs named inputs
 * @param outputs named outputs
 */
public record SignatureDef(
    String key, int subgraphIndex, List<SignatureDef.TensorMap> inputs, List<TensorMap> outputs) {

  /** Checks that no component is null and copies the lists. */
  public SignatureDef {
    Objects.requireNonNull(key, "key");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * A name for a tensor.
   *
   * @param name the alias
   * @param tensorIndex index of the tensor in the signature's subgraph
   */
  public record TensorMap(String name, int tensorIndex) {
    /** Checks that the name is not null. */
    public TensorMap {
      Objects.requireNonNull(name, "name");
    }
  }
}
