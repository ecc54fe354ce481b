package org.edgetpu4j.device.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgetpu4j.device.cpu.kernels.Kernels;
import org.edgetpu4j.device.cpu.node.Budget;
import org.edgetpu4j.device.cpu.node.Checked;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Parallel;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;

/**
 * Turns a model into a {@link Plan}: checks every operator is supported, prepares kernels in graph
 * order (propagating shapes), evaluates operators whose inputs are all constant once, and lays out
 * activations in one arena, reusing the memory of tensors whose lifetimes do not overlap.
 */
final class Planner {
  private static final int ALIGN = 16;

  private Planner() {}

  /** Checks that every operator of the main subgraph has a kernel, without preparing anything. */
  static void checkSupported(Model model, InterpreterOptions options) {
    ModelCheck.check(model);
    List<Operator> ops = model.mainSubgraph().operators();
    for (int i = 0; i < ops.size(); i++) {
      OperatorCode code = model.opcode(ops.get(i));
      Kernels.lookup(i, code, options.customOps());
    }
  }

  /**
   * Plans {@code model} with the given input shapes.
   *
   * @param inputShapes one shape per subgraph input
   */
  static Plan plan(Model model, int[][] inputShapes, InterpreterOptions options) {
    checkSupported(model, options);
    return plan(model, model.mainSubgraph(), inputShapes, options);
  }

  /**
   * Plans subgraph {@code sg} of {@code model} (checked like the main one) with the input shapes.
   */
  static Plan plan(Model model, Subgraph sg, int[][] inputShapes, InterpreterOptions options) {
    int n = sg.tensors().size();
    Slot[] slots = new Slot[n];
    for (int t = 0; t < n; t++) {
      Tensor tensor = sg.tensor(t);
      byte[] data = model.isConstant(tensor) ? model.data(tensor).toArray() : null;
      slots[t] = new Slot(t, tensor, tensor.shape().toArray(), data);
    }
    int[] inputs = sg.inputs().toArray();
    int[] outputs = sg.outputs().toArray();
    Limits limits = options.limits();
    for (int i = 0; i < inputs.length; i++) {
      Slot in = slots[inputs[i]];
      in.shape = inputShapes[i].clone();
      long bytes = bytes(in);
      if (bytes < 0 || bytes > limits.maxArenaBytes()) {
        throw new ModelRefusedException(
            "input "
                + i
                + " "
                + in.describe()
                + " has shape "
                + Shapes.str(in.shape)
                + (bytes < 0
                    ? ", expected dimensions >= 0"
                    : " ("
                        + bytes
                        + " bytes), more than the activation limit of "
                        + limits.maxArenaBytes()
                        + " bytes"));
      }
    }
    boolean[] isOutput = new boolean[n];
    for (int t : outputs) {
      isOutput[t] = true;
    }

    Budget budget =
        new Budget(limits.maxArenaBytes(), limits.maxScratchBytes(), limits.maxOpsPerRun());
    long folded = 0;
    Parallel parallel = Parallel.of(options.threads());
    Memory fold = new Memory(n);
    List<Step> steps = new ArrayList<>();
    List<int[]> stepInputs = new ArrayList<>();
    List<int[]> stepOutputs = new ArrayList<>();
    List<Integer> stepOps = new ArrayList<>();
    List<Operator> ops = sg.operators();
    for (int i = 0; i < ops.size(); i++) {
      Operator op = ops.get(i);
      OperatorCode code = model.opcode(op);
      Kernel kernel = Kernels.lookup(i, code, options.customOps());
      Slot[] ins = new Slot[op.inputs().length()];
      boolean allConstant = ins.length > 0;
      for (int k = 0; k < ins.length; k++) {
        int t = op.inputs().get(k);
        ins[k] = t < 0 ? null : slot(slots, t, i, code);
        if (ins[k] != null && !ins[k].isConstant()) {
          allConstant = false;
        }
      }
      Slot[] outs = new Slot[op.outputs().length()];
      boolean feedsOutput = false;
      for (int k = 0; k < outs.length; k++) {
        outs[k] = slot(slots, op.outputs().get(k), i, code);
        feedsOutput |= isOutput[outs[k].index];
      }
      Node node = new Node(i, code, op, model, ins, outs, budget, parallel);
      Step step;
      try {
        for (Slot s : ins) {
          if (s != null) {
            node.requireValidQuantization(s);
          }
        }
        for (Slot s : outs) {
          node.requireValidQuantization(s);
        }
        step = kernel.prepare(node);
        for (Slot s : outs) {
          checkShape(node, s, limits);
        }
        node.work(estimatedOps(ins, outs), "reading and computing its tensors");
      } catch (ModelRefusedException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        // option getters refuse absent fields (options of another operator) and bad enum codes
        throw node.fail("invalid builtin options: " + e.getMessage());
      } catch (RuntimeException e) {
        // a kernel missed a check: still refuse, naming the operator
        throw node.fail(INTERNAL + " while preparing: " + e.getMessage());
      }
      if (allConstant && !feedsOutput) {
        for (Slot s : outs) {
          folded += bytes(s);
          node.require(
              folded <= limits.maxConstantBytes(),
              "evaluating it at load would make "
                  + folded
                  + " bytes of constants, more than the limit of "
                  + limits.maxConstantBytes());
        }
        for (Slot s : ins) {
          if (s != null) {
            fold.data[s.index] = s.constant;
          }
        }
        for (Slot s : outs) {
          fold.data[s.index] = new byte[s.byteSize()];
        }
        try {
          step.run(fold);
        } catch (RuntimeException e) {
          throw node.fail(INTERNAL + " while evaluating constants: " + e.getMessage());
        }
        for (Slot s : outs) {
          s.constant = fold.data[s.index];
        }
        continue;
      }
      steps.add(step);
      stepOps.add(i);
      stepInputs.add(op.inputs().toArray());
      stepOutputs.add(op.outputs().toArray());
    }
    return layout(slots, inputs, outputs, steps, stepOps, stepInputs, stepOutputs, limits);
  }

  /**
   * Start of the message of a refusal that a kernel's checks should have given; such a message
   * means a kernel misses a check.
   */
  static final String INTERNAL = "internal error";

  /**
   * A cost estimate of one operator: every element read and written, plus for an operator with a
   * constant input of rank 2 or more (weights) the multiply-accumulates it implies per output
   * element (weights per output channel, the output's last dimension).
   */
  static long estimatedOps(Slot[] ins, Slot[] outs) {
    long ops = 0;
    long weightsPerChannel = 0;
    for (Slot s : ins) {
      if (s != null) {
        ops = add(ops, Checked.elements(s.shape));
        if (s.isConstant() && s.rank() >= 2) {
          weightsPerChannel = Math.max(weightsPerChannel, Checked.elements(s.shape));
        }
      }
    }
    for (Slot s : outs) {
      long n = Checked.elements(s.shape);
      int channels = s.rank() == 0 ? 1 : Math.max(1, s.dim(s.rank() - 1));
      ops = add(ops, n);
      ops = add(ops, Checked.product(n, weightsPerChannel / channels));
    }
    return ops;
  }

  private static long add(long a, long b) {
    return a < 0 || b < 0 || a > Long.MAX_VALUE - b ? -1 : a + b;
  }

  /** Byte size of {@code s}, -1 for a negative dimension, Long.MAX_VALUE when it overflows. */
  private static long bytes(Slot s) {
    for (int d : s.shape) {
      if (d < 0) {
        return -1;
      }
    }
    long elements = Checked.elements(s.shape);
    long bits = Math.max(8, s.type.bits());
    if (elements < 0 || elements > Long.MAX_VALUE / bits) {
      return Long.MAX_VALUE;
    }
    return (elements * bits + 7) / 8;
  }

  /** Kernels set output shapes through Node.setShape, which checks them; this is a backstop. */
  private static void checkShape(Node node, Slot s, Limits limits) {
    long b = bytes(s);
    node.require(b >= 0, s.describe() + " has a negative dimension " + Shapes.str(s.shape));
    node.require(
        b <= limits.maxArenaBytes(),
        s.describe()
            + " of shape "
            + Shapes.str(s.shape)
            + " is larger than the limit of "
            + limits.maxArenaBytes()
            + " bytes");
  }

  private static Slot slot(Slot[] slots, int t, int op, OperatorCode code) {
    if (t >= slots.length) {
      throw new ModelRefusedException(
          "Op#"
              + op
              + " "
              + code.displayName()
              + ": tensor index "
              + t
              + " is out of range (0.."
              + (slots.length - 1)
              + ")");
    }
    return slots[t];
  }

  private static Plan layout(
      Slot[] slots,
      int[] inputs,
      int[] outputs,
      List<Step> steps,
      List<Integer> stepOps,
      List<int[]> stepInputs,
      List<int[]> stepOutputs,
      Limits limits) {
    int n = slots.length;
    int end = steps.size();
    int[] first = new int[n];
    int[] last = new int[n];
    Arrays.fill(first, Integer.MAX_VALUE);
    Arrays.fill(last, Integer.MIN_VALUE);
    for (int t : inputs) {
      first[t] = -1;
      last[t] = Math.max(last[t], -1);
    }
    for (int s = 0; s < end; s++) {
      for (int t : stepInputs.get(s)) {
        if (t >= 0 && !slots[t].isConstant()) {
          last[t] = Math.max(last[t], s);
          first[t] = Math.min(first[t], s);
        }
      }
      for (int t : stepOutputs.get(s)) {
        first[t] = Math.min(first[t], s);
        last[t] = Math.max(last[t], s);
      }
    }
    for (int t : outputs) {
      if (!slots[t].isConstant()) {
        last[t] = end;
        first[t] = Math.min(first[t], end);
      }
    }
    List<Integer> live = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (first[t] != Integer.MAX_VALUE && !slots[t].isConstant()) {
        live.add(t);
      }
    }
    live.sort((a, b) -> Integer.compare(slots[b].byteSize(), slots[a].byteSize()));
    int[] offset = new int[n];
    List<Integer> placed = new ArrayList<>();
    long arena = 0;
    for (int t : live) {
      int size = align(slots[t].byteSize());
      List<int[]> busy = new ArrayList<>();
      for (int p : placed) {
        if (first[p] <= last[t] && first[t] <= last[p]) {
          busy.add(new int[] {offset[p], offset[p] + align(slots[p].byteSize())});
        }
      }
      busy.sort((a, b) -> Integer.compare(a[0], b[0]));
      int candidate = 0;
      for (int[] b : busy) {
        if (candidate + size <= b[0]) {
          break;
        }
        candidate = Math.max(candidate, b[1]);
      }
      offset[t] = candidate;
      placed.add(t);
      arena = Math.max(arena, (long) candidate + size);
      if (arena > limits.maxArenaBytes()) {
        throw new ModelRefusedException(
            "activations need more than the limit of "
                + limits.maxArenaBytes()
                + " bytes at once (at "
                + slots[t].describe()
                + "; raise it with InterpreterOptions.withLimits)");
      }
    }
    Memory memory = new Memory(n);
    byte[] arenaBytes = new byte[Math.toIntExact(arena)];
    for (int t = 0; t < n; t++) {
      if (slots[t].isConstant()) {
        memory.data[t] = slots[t].constant;
      } else if (first[t] != Integer.MAX_VALUE) {
        memory.data[t] = arenaBytes;
        memory.offset[t] = offset[t];
      }
    }
    int[] ops = stepOps.stream().mapToInt(Integer::intValue).toArray();
    return new Plan(slots, inputs, outputs, steps.toArray(new Step[0]), ops, memory, arena);
  }

  private static int align(int bytes) {
    return (bytes + ALIGN - 1) / ALIGN * ALIGN;
  }
}
