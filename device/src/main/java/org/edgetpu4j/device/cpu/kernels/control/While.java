package org.edgetpu4j.device.cpu.kernels.control;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.SubgraphRunner;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * WHILE: the loop values start as the inputs; while the condition subgraph says true, the body
 * subgraph maps them to their next values; the outputs are the last values. Loop values keep their
 * shapes (a body changing a shape is refused).
 */
public final class While implements Kernel {
  @Override
  public Step prepare(Node node) {
    int n = node.inputCount();
    node.require(
        n == node.outputCount(), "has " + n + " inputs but " + node.outputCount() + " outputs");
    int[][] shapes = new int[n][];
    int[] bytes = new int[n];
    int[] ins = new int[n];
    int[] outs = new int[n];
    for (int i = 0; i < n; i++) {
      Slot in = node.in(i);
      Slot out = node.out(i);
      node.require(out.type == in.type, out.describe() + " type differs from " + in.describe());
      shapes[i] = in.shape.clone();
      bytes[i] = in.byteSize();
      ins[i] = in.index;
      outs[i] = out.index;
      node.setShape(i, in.shape);
    }
    String where = "WHILE op " + node.index;
    SubgraphRunner cond =
        SubgraphRunner.plan(node.model, node.options.getInt("cond_subgraph_index"), shapes, where);
    SubgraphRunner body =
        SubgraphRunner.plan(node.model, node.options.getInt("body_subgraph_index"), shapes, where);
    node.require(
        cond.outputCount() == 1 && cond.outputBytes(0) == 1,
        "the condition subgraph must give one bool scalar");
    node.require(
        body.outputCount() == n,
        "the body subgraph gives " + body.outputCount() + " values, expected " + n);
    for (int i = 0; i < n; i++) {
      node.require(
          Arrays.equals(body.outputShape(i), shapes[i]),
          "loop value "
              + i
              + " changes shape from "
              + Shapes.str(shapes[i])
              + " to "
              + Shapes.str(body.outputShape(i)));
    }
    byte[][] vars = new byte[n][];
    for (int i = 0; i < n; i++) {
      vars[i] = new byte[bytes[i]];
    }
    return m -> {
      for (int i = 0; i < n; i++) {
        System.arraycopy(m.data[ins[i]], m.offset[ins[i]], vars[i], 0, bytes[i]);
      }
      while (true) {
        for (int i = 0; i < n; i++) {
          cond.setInput(i, vars[i], 0, bytes[i]);
        }
        cond.run();
        if (!cond.outputFlag(0)) {
          break;
        }
        for (int i = 0; i < n; i++) {
          body.setInput(i, vars[i], 0, bytes[i]);
        }
        body.run();
        for (int i = 0; i < n; i++) {
          body.getOutput(i, vars[i], 0);
        }
      }
      for (int i = 0; i < n; i++) {
        System.arraycopy(vars[i], 0, m.data[outs[i]], m.offset[outs[i]], bytes[i]);
      }
    };
  }
}
