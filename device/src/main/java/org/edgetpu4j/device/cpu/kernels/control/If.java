package org.edgetpu4j.device.cpu.kernels.control;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.SubgraphRunner;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * IF: a bool scalar (first input) chooses the then or else subgraph, which gets the other inputs
 * and gives the outputs. Both branches must give outputs of the same shapes.
 */
public final class If implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot c = node.in(0);
    node.requireType(c, TensorType.BOOL);
    node.require(c.elementCount() == 1, c.describe() + " (condition) must be a scalar");
    int n = node.inputCount() - 1;
    int[][] shapes = new int[n][];
    int[] bytes = new int[n];
    int[] ins = new int[n];
    for (int i = 0; i < n; i++) {
      Slot in = node.in(i + 1);
      shapes[i] = in.shape.clone();
      bytes[i] = in.byteSize();
      ins[i] = in.index;
    }
    String where = "IF op " + node.index;
    SubgraphRunner yes =
        SubgraphRunner.plan(node.model, node.options.getInt("then_subgraph_index"), shapes, where);
    SubgraphRunner no =
        SubgraphRunner.plan(node.model, node.options.getInt("else_subgraph_index"), shapes, where);
    int k = node.outputCount();
    node.require(
        yes.outputCount() == k && no.outputCount() == k,
        "branches give "
            + yes.outputCount()
            + " and "
            + no.outputCount()
            + " outputs, expected "
            + k);
    int[] outs = new int[k];
    for (int i = 0; i < k; i++) {
      node.require(
          Arrays.equals(yes.outputShape(i), no.outputShape(i)),
          "output "
              + i
              + " has shape "
              + Shapes.str(yes.outputShape(i))
              + " in one branch and "
              + Shapes.str(no.outputShape(i))
              + " in the other");
      node.setShape(i, yes.outputShape(i));
      node.require(
          node.out(i).byteSize() == yes.outputBytes(i),
          node.out(i).describe() + " type differs from the branch's");
      outs[i] = node.out(i).index;
    }
    int tc = c.index;
    return m -> {
      SubgraphRunner r = m.data[tc][m.offset[tc]] != 0 ? yes : no;
      for (int i = 0; i < n; i++) {
        r.setInput(i, m.data[ins[i]], m.offset[ins[i]], bytes[i]);
      }
      r.run();
      for (int i = 0; i < k; i++) {
        r.getOutput(i, m.data[outs[i]], m.offset[outs[i]]);
      }
    };
  }
}
