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
  private final Budget budget;
  private final Parallel parallel;

  /** An operator of {@code model} with its input and output slots (null for absent inputs). */
  public Node(
      int index, OperatorCode code, Operator operator, Model model, Slot[] inputs, Slot[] outputs) {
    this(index, code, operator, model, inputs, outputs, Budget.unlimited(), Parallel.SERIAL);
  }

  /**
   * An operator whose output shapes and scratch memory are checked against {@code budget}, and
   * whose step may split its work over {@code parallel}.
   */
  public Node(
      int index,
      OperatorCode code,
      Operator operator,
      Model model,
      Slot[] inputs,
      Slot[] outputs,
      Budget budget,
      Parallel parallel) {
    this.parallel = parallel;
    this.index = index;
    this.code = code;
    this.options = operator.builtinOptions();
    this.operator = operator;
    this.model = model;
    this.inputs = inputs;
    this.outputs = outputs;
    this.budget = budget;
  }

  /** The threads this operator's step may split its work over. */
  public Parallel parallel() {
    return parallel;
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

  /**
   * Sets output {@code i}'s shape, refusing negative dimensions and tensors larger than the budget
   * allows; kernels set output shapes before allocating anything sized by them.
   */
  public void setShape(int i, int[] shape) {
    Slot s = out(i);
    long bytes = checkedBytes(s, shape);
    require(
        bytes >= 0,
        s.describe() + " would have shape " + Shapes.str(shape) + ", expected dimensions >= 0");
    require(
        bytes <= budget.maxTensorBytes(),
        s.describe()
            + " would have shape "
            + Shapes.str(shape)
            + " ("
            + bytesText(s, shape)
            + "), more than the limit of "
            + budget.maxTensorBytes()
            + " bytes per tensor");
    s.shape = shape.clone();
  }

  /**
   * Byte size of a {@code s.type} tensor of {@code shape}: -1 for a negative dimension, {@link
   * Long#MAX_VALUE} when it overflows.
   */
  private static long checkedBytes(Slot s, int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        return -1;
      }
    }
    long elements = Checked.elements(shape);
    long bits = Math.max(s.type.bits(), 8);
    if (elements < 0 || elements > Long.MAX_VALUE / bits) {
      return Long.MAX_VALUE;
    }
    return (elements * bits + 7) / 8;
  }

  private static String bytesText(Slot s, int[] shape) {
    long b = checkedBytes(s, shape);
    return b == Long.MAX_VALUE ? "more than 2^63 bytes" : b + " bytes";
  }

  /**
   * Charges {@code bytes} of working memory this kernel is about to allocate in {@code prepare}
   * (index tables, accumulators, expanded weights) to the load's budget; refuses the model when the
   * size overflowed ({@code bytes < 0}, see {@link Checked}) or the budget is exhausted.
   *
   * @param what what the memory is for, for the message
   * @return {@code bytes}, as an int, for the allocation
   */
  public int scratch(long bytes, String what) {
    require(bytes >= 0, what + " would need more than 2^63 bytes");
    require(
        bytes <= Integer.MAX_VALUE - 16 && budget.charge(bytes),
        what
            + " would need "
            + bytes
            + " bytes of working memory; the load's budget is "
            + budget.maxScratchBytes()
            + " bytes ("
            + budget.scratchBytes()
            + " already used)");
    return (int) bytes;
  }

  /**
   * Charges {@code ops} estimated arithmetic operations per run to the load's budget, refusing the
   * model when the estimate overflowed ({@code ops < 0}) or the budget is exhausted. The planner
   * charges every operator for the elements it reads and writes and, for weighted operators, the
   * multiply-accumulates the weights imply; kernels charge work those do not show (window taps).
   *
   * @param what what the work is, for the message
   */
  public void work(long ops, String what) {
    require(
        ops >= 0 && budget.chargeOps(ops),
        what
            + " would take "
            + (ops < 0 ? "more than 2^63" : String.valueOf(ops))
            + " operations per run; the load's budget is "
            + budget.maxOps()
            + " ("
            + budget.ops()
            + " already used)");
  }

  /** An integer option, refused when it is absent or does not fit in an int. */
  public int intOption(String field) {
    require(options.has(field), "option " + field + " is missing");
    long v = options.getLong(field);
    require(Checked.fitsInt(v), "option " + field + " = " + v + " is out of range");
    return (int) v;
  }

  /** An integer option that must be at least {@code min}. */
  public int intOption(String field, int min) {
    int v = intOption(field);
    require(v >= min, "option " + field + " = " + v + ", expected >= " + min);
    return v;
  }

  /**
   * Axis {@code axis} of {@code s} in {@code [-rank, rank)}, made non-negative; refuses others.
   *
   * @param what the option or tensor the axis came from, for the message
   */
  public int requireAxis(Slot s, int axis, String what) {
    int rank = s.rank();
    require(
        axis >= -rank && axis < rank,
        what
            + " = "
            + axis
            + " is out of range for "
            + s.describe()
            + " of shape "
            + Shapes.str(s.shape)
            + ", expected "
            + -rank
            + ".."
            + (rank - 1));
    return axis < 0 ? axis + rank : axis;
  }

  /** Refuses unless {@code s} is quantized with valid scales and zero points. */
  public void requireQuantized(Slot s) {
    require(s.isQuantized(), s.describe() + " (" + s.type + ") must be quantized");
    requireValidQuantization(s);
  }

  /**
   * Refuses quantization parameters TFLite refuses: a scale that is NaN, infinite, negative or
   * (except per channel in a constant) zero, a zero point outside the range of the tensor's type,
   * or as many zero points as scales missing.
   */
  public void requireValidQuantization(Slot s) {
    String problem = Quantization.problem(s);
    if (problem != null) {
      throw fail(problem);
    }
  }

  /** Refuses unless {@code s} holds at most {@code rank} dimensions. */
  public void requireMaxRank(Slot s, int rank) {
    require(
        s.rank() <= rank,
        s.describe() + " has shape " + Shapes.str(s.shape) + ", expected rank <= " + rank);
  }

  /**
   * The values of a constant int32 tensor; refuses a non-constant or differently typed one.
   *
   * @param what what the values mean, for messages ("output size", "new shape")
   */
  public int[] constantInts(Slot s, String what) {
    require(s.isConstant(), s.describe() + " (" + what + ") must be constant");
    require(
        s.type == TensorType.INT32,
        s.describe() + " (" + what + ") has type " + s.type + ", expected INT32");
    return Bytes.ints(s.constant);
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
