package org.edgetpu4j.device.cpu;

import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Subgraph;

/**
 * Structural checks of the main subgraph before planning: every index in range, and every operator
 * input either a subgraph input, a constant, or written by an earlier operator.
 */
final class ModelCheck {
  private ModelCheck() {}

  static void check(Model model) {
    if (model.subgraphs().isEmpty()) {
      throw new ModelRefusedException("the model has no subgraph");
    }
    check(model, model.mainSubgraph());
  }

  /** The same checks for any subgraph of {@code model}. */
  static void check(Model model, Subgraph sg) {
    int n = sg.tensors().size();
    int buffers = model.buffers().size();
    for (int t = 0; t < n; t++) {
      int b = sg.tensor(t).buffer();
      if (b < 0 || b >= buffers) {
        throw new ModelRefusedException(
            "T#"
                + t
                + " '"
                + sg.tensor(t).name()
                + "' uses buffer "
                + b
                + ", the model has "
                + buffers);
      }
    }
    boolean[] written = new boolean[n];
    for (int i = 0; i < sg.inputs().length(); i++) {
      int t = sg.inputs().get(i);
      requireIndex(t, n, "subgraph input " + i);
      written[t] = true;
    }
    for (int i = 0; i < sg.outputs().length(); i++) {
      requireIndex(sg.outputs().get(i), n, "subgraph output " + i);
    }
    List<Operator> ops = sg.operators();
    for (int i = 0; i < ops.size(); i++) {
      Operator op = ops.get(i);
      if (op.opcodeIndex() < 0 || op.opcodeIndex() >= model.operatorCodes().size()) {
        throw new ModelRefusedException(
            "Op#"
                + i
                + ": operator code "
                + op.opcodeIndex()
                + " does not exist (the table has "
                + model.operatorCodes().size()
                + ")");
      }
      String where = "Op#" + i + " " + model.opcode(op).displayName();
      for (int k = 0; k < op.inputs().length(); k++) {
        int t = op.inputs().get(k);
        if (t == -1) {
          continue;
        }
        requireIndex(t, n, where + " input " + k);
        if (!written[t] && !model.isConstant(sg.tensor(t)) && !sg.tensor(t).isVariable()) {
          throw new ModelRefusedException(
              where
                  + " reads T#"
                  + t
                  + " '"
                  + sg.tensor(t).name()
                  + "' before any operator writes it (operators are not in executable order)");
        }
      }
      for (int k = 0; k < op.outputs().length(); k++) {
        int t = op.outputs().get(k);
        requireIndex(t, n, where + " output " + k);
        written[t] = true;
      }
    }
  }

  private static void requireIndex(int t, int n, String what) {
    if (t < 0 || t >= n) {
      throw new ModelRefusedException(
          what + " refers to tensor " + t + ", the subgraph has " + n + " tensors");
    }
  }
}
