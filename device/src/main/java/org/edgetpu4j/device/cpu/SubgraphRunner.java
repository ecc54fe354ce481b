package org.edgetpu4j.device.cpu;

import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Subgraph;

/**
 * One subgraph other than the main one, planned on its own (own arena, shapes from the caller) for
 * control-flow kernels: they copy values in, run it, and copy values out.
 */
public final class SubgraphRunner {
  private final Plan plan;

  private SubgraphRunner(Plan plan) {
    this.plan = plan;
  }

  /**
   * Plans subgraph {@code index} of {@code model} with the given input shapes. Custom operators
   * inside it are refused (no registry reaches called subgraphs).
   *
   * @throws ModelRefusedException when the index, the input count or an operator is wrong
   */
  public static SubgraphRunner plan(Model model, int index, int[][] inputShapes, String caller) {
    if (index < 1 || index >= model.subgraphs().size()) {
      throw new ModelRefusedException(
          caller
              + ": subgraph index "
              + index
              + " is out of range (1.."
              + (model.subgraphs().size() - 1)
              + ")");
    }
    Subgraph sg = model.subgraphs().get(index);
    if (sg.inputs().length() != inputShapes.length) {
      throw new ModelRefusedException(
          caller
              + ": subgraph "
              + index
              + " takes "
              + sg.inputs().length()
              + " inputs, given "
              + inputShapes.length);
    }
    ModelCheck.check(model, sg);
    try {
      return new SubgraphRunner(
          Planner.plan(model, sg, inputShapes, InterpreterOptions.defaults()));
    } catch (ModelRefusedException e) {
      throw new ModelRefusedException(caller + ": in subgraph " + index + ": " + e.getMessage());
    }
  }

  public int inputCount() {
    return plan.inputs().length;
  }

  public int outputCount() {
    return plan.outputs().length;
  }

  /** The planned shape of output {@code i}. */
  public int[] outputShape(int i) {
    return plan.slots()[plan.outputs()[i]].shape.clone();
  }

  /** Bytes of output {@code i}. */
  public int outputBytes(int i) {
    return plan.slots()[plan.outputs()[i]].byteSize();
  }

  /** Copies {@code len} bytes from {@code src[off..]} into input {@code i}. */
  public void setInput(int i, byte[] src, int off, int len) {
    int t = plan.inputs()[i];
    Memory m = plan.memory();
    System.arraycopy(src, off, m.data[t], m.offset[t], len);
  }

  /** Runs every step. */
  public void run() {
    Memory m = plan.memory();
    for (Step s : plan.steps()) {
      s.run(m);
    }
  }

  /** Copies output {@code i} into {@code dst[off..]}. */
  public void getOutput(int i, byte[] dst, int off) {
    int t = plan.outputs()[i];
    Slot s = plan.slots()[t];
    Memory m = plan.memory();
    System.arraycopy(m.data[t], m.offset[t], dst, off, s.byteSize());
  }

  /** The first byte of output {@code i} (a bool condition). */
  public boolean outputFlag(int i) {
    int t = plan.outputs()[i];
    Memory m = plan.memory();
    return m.data[t][m.offset[t]] != 0;
  }
}
