package org.edgetpu4j.device.cpu.node;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.TensorType;

/**
 * One operator as its kernel's {@code prepare} sees it: options, input and output slots, and
 * helpers that refuse the model with the operator's location in the message.
 */
public final class Node {
  /** The operator's index in its subgraph. */
  public final int index;

  /** The operator's code: builtin operator or custom name, and version. */
  public final OperatorCode code;

  /** The operator's builtin options (empty for custom operators). */
  public final BuiltinOptions options;

  /** The operator as stored in the model: custom options, intermediates, second options. */
  public final Operator operator;

  /** The whole model, for operators that run other subgraphs. */
  public final Model model;

  private final Slot[] inputs;
  private final Slot[] outputs;

  /** An operator of {@code model} with its input and output slots (null for absent inputs). */
  public Node(
      int index, OperatorCode code, Operator operator, Model model, Slot[] inputs, Slot[] outputs) {
    this.index = index;
    this.code = code;
    this.options = operator.builtinOptions();
    this.operator = operator;
    this.model = model;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** The custom operator's options bytes (empty when there are none). */
  public byte[] customOptions() {
    return operator.customOptions().toArray();
  }

  public int inputCount() {
    return inputs.length;
  }

  public int outputCount() {
    return outputs.length;
  }

  /** Input {@code i}; refuses the model when it is absent. */
  public Slot in(int i) {
    Slot s = optionalIn(i);
    if (s == null) {
      throw fail("input " + i + " is missing");
    }
    return s;
  }

  /** Input {@code i}, or null when the operator has no such input (-1 or fewer inputs). */
  public Slot optionalIn(int i) {
    return i < inputs.length ? inputs[i] : null;
  }

  public Slot out(int i) {
    if (i >= outputs.length) {
      throw fail("output " + i + " is missing");
    }
    return outputs[i];
  }

  /** Sets output {@code i}'s shape. */
  public void setShape(int i, int[] shape) {
    out(i).shape = shape.clone();
  }

  /** The {@code Op#3 CONV_2D v3} prefix of messages. */
  String where() {
    return "Op#" + index + " " + code.displayName() + " v" + code.version();
  }

  public ModelRefusedException fail(String message) {
    return new ModelRefusedException(where() + ": " + message);
  }

  public void require(boolean condition, String message) {
    if (!condition) {
      throw fail(message);
    }
  }

  /** Refuses unless {@code s} has one of {@code types}. */
  public void requireType(Slot s, TensorType... types) {
    for (TensorType t : types) {
      if (s.type == t) {
        return;
      }
    }
    throw fail(s.describe() + " has type " + s.type + ", expected " + Arrays.toString(types));
  }

  /** Refuses unless {@code s} is quantized per tensor. */
  public void requirePerTensor(Slot s) {
    require(s.scales.length == 1, s.describe() + " needs one scale, has " + s.scales.length);
  }

  /** Refuses unless {@code s} has constant data. */
  public void requireConstant(Slot s) {
    require(s.isConstant(), s.describe() + " must be constant");
  }

  /** Refuses unless {@code s} has rank {@code rank}. */
  public void requireRank(Slot s, int rank) {
    require(
        s.rank() == rank,
        s.describe() + " has shape " + Shapes.str(s.shape) + ", expected rank " + rank);
  }

  /** The fused activation option, NONE when the options have none. */
  public Activation activation() {
    return options.has("fused_activation_function") ? options.fusedActivation() : Activation.NONE;
  }

  /** True for 8-bit quantized types. */
  public static boolean isQuant8(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.UINT8;
  }
}
