package org.edgetpu4j.tflite;

import java.util.List;
import java.util.Objects;

/**
 * An operator of a subgraph.
 *
 * @param opcodeIndex index into {@link Model#operatorCodes()}
 * @param inputs input tensor indices, -1 for an absent optional input (for example no bias)
 * @param outputs output tensor indices
 * @param builtinOptions options of the first options union, {@link BuiltinOptions#NONE} if none
 * @param builtinOptions2 options of the second union (StableHLO and newer operators)
 * @param customOptions opaque options of a custom operator
 * @param mutatingVariableInputs per input, whether the operator updates it; empty if none does
 * @param intermediates tensors internal to the operator (for example LSTM gate quantization)
 */
public record Operator(
    int opcodeIndex,
    IntArray inputs,
    IntArray outputs,
    BuiltinOptions builtinOptions,
    BuiltinOptions builtinOptions2,
    ByteArray customOptions,
    List<Boolean> mutatingVariableInputs,
    IntArray intermediates) {

  /** Checks that no component is null and copies the list. */
  public Operator {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(builtinOptions, "builtinOptions");
    Objects.requireNonNull(builtinOptions2, "builtinOptions2");
    Objects.requireNonNull(customOptions, "customOptions");
    mutatingVariableInputs = List.copyOf(mutatingVariableInputs);
    Objects.requireNonNull(intermediates, "intermediates");
  }

  /** A builtin operator with options and nothing else. */
  public static Operator of(
      int opcodeIndex, IntArray inputs, IntArray outputs, BuiltinOptions options) {
    return new Operator(
        opcodeIndex,
        inputs,
        outputs,
        options,
        BuiltinOptions.NONE,
        ByteArray.empty(),
        List.of(),
        IntArray.empty());
  }

  /** The {@code i}-th input tensor index, or -1 when there is no such input. */
  public int input(int i) {
    return i < inputs.length() ? inputs.get(i) : -1;
  }

  /** The {@code i}-th output tensor index. */
  public int output(int i) {
    return outputs.get(i);
  }
}
