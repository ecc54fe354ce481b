package org.edgetpu4j.tflite;

import java.util.List;
import java.util.Objects;

/**
 * A subgraph: tensors, the operators in execution order, and which tensors are its inputs and
 * outputs. Subgraph 0 is the model's main graph.
 *
 * @param name the subgraph's name, empty when the file has none
 * @param tensors all tensors of the subgraph
 * @param inputs indices of the input tensors
 * @param outputs indices of the output tensors
 * @param operators the operators in execution order
 */
public record Subgraph(
    String name,
    List<Tensor> tensors,
    IntArray inputs,
    IntArray outputs,
    List<Operator> operators) {

  /** Checks that no component is null and copies the lists. */
  public Subgraph {
    Objects.requireNonNull(name, "name");
    tensors = List.copyOf(tensors);
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputs, "outputs");
    operators = List.copyOf(operators);
  }

  /** The tensor at {@code index}. */
  public Tensor tensor(int index) {
    return tensors.get(index);
  }

  /** The {@code i}-th input tensor. */
  public Tensor inputTensor(int i) {
    return tensors.get(inputs.get(i));
  }

  /** The {@code i}-th output tensor. */
  public Tensor outputTensor(int i) {
    return tensors.get(outputs.get(i));
  }
}
