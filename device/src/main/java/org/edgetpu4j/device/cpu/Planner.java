package org.edgetpu4j.device.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgetpu4j.device.cpu.kernels.Kernels;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Node;
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
    Subgraph sg = model.mainSubgraph();
    int n = sg.tensors().size();
    Slot[] slots = new Slot[n];
    for (int t = 0; t < n; t++) {
      Tensor tensor = sg.tensor(t);
      byte[] data = model.isConstant(tensor) ? model.data(tensor).toArray() : null;
      slots[t] = new Slot(t, tensor, tensor.shape().toArray(), data);
    }
    int[] inputs = sg.inputs().toArray();
    int[] outputs = sg.outputs().toArray();
    for (int i = 0; i < inputs.length; i++) {
      Slot in = slots[inputs[i]];
      in.shape = inputShapes[i].clone();
      long elements = 1;
      for (int d : in.shape) {
        elements *= Math.max(d, 0);
        if (d < 0 || elements > MAX_ARENA_BYTES) {
          throw new ModelRefusedException(
              "input "
                  + i
                  + " "
                  + in.describe()
                  + " has an unknown or too large shape "
                  + Shapes.str(in.shape));
        }
      }
    }
    boolean[] isOutput = new boolean[n];
    for (int t : outputs) {
      isOutput[t] = true;
    }

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
      Node node = new Node(i, code, op, model, ins, outs);
      Step step;
      try {
        step = kernel.prepare(node);
        for (Slot s : outs) {
          checkShape(node, s);
        }
      } catch (ModelRefusedException e) {
        throw e;
      } catch (RuntimeException e) {
        // malformed parameters surface as arithmetic or index errors: refuse, naming the operator
        throw node.fail("cannot prepare: " + e);
      }
      if (allConstant && !feedsOutput) {
        for (Slot s : ins) {
          if (s != null) {
            fold.data[s.index] = s.constant;
          }
        }
        for (Slot s : outs) {
          fold.data[s.index] = new byte[s.byteSize()];
        }
        step.run(fold);
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
    return layout(slots, inputs, outputs, steps, stepOps, stepInputs, stepOutputs);
  }

  /** Largest activation arena a model may ask for. */
  static final long MAX_ARENA_BYTES = 1L << 30;

  private static void checkShape(Node node, Slot s) {
    long n = 1;
    for (int d : s.shape) {
      node.require(d >= 0, s.describe() + " has a negative dimension " + Shapes.str(s.shape));
      n *= d;
      node.require(n <= MAX_ARENA_BYTES, s.describe() + " is too large: " + Shapes.str(s.shape));
    }
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
      List<int[]> stepOutputs) {
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
      if (arena > MAX_ARENA_BYTES) {
        throw new ModelRefusedException(
            "activations need more than "
                + MAX_ARENA_BYTES
                + " bytes (at "
                + slots[t].describe()
                + ")");
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
