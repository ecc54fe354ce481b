package org.edgetpu4j.compiler.pass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.NodeDef;

/**
 * Structural checks run between passes: every input names an existing node, and the graph is
 * acyclic. TensorFlow's own import checks (op registered, attributes valid) are available through
 * {@link #verifyWithTensorFlow}.
 */
public final class GraphVerifier {
  private GraphVerifier() {}

  /** Throws a {@link GraphException} listing dangling inputs and cycles. */
  public static void verify(TfGraph g) {
    List<String> problems = new ArrayList<>();
    for (NodeDef n : g.nodes()) {
      for (String in : n.getInputList()) {
        if (!g.has(TensorName.nodeOf(in))) {
          problems.add(
              "node '" + n.getName() + "' (" + n.getOp() + ") reads missing node '" + in + "'");
        }
      }
    }
    if (problems.isEmpty()) {
      findCycle(g).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new GraphException("graph verification failed:\n  " + String.join("\n  ", problems));
    }
  }

  /** Also imports the graph into TensorFlow, which checks ops, attributes and shapes. */
  public static void verifyWithTensorFlow(TfGraph g) {
    verify(g);
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      graph.importGraphDef(g.def());
    } catch (IllegalArgumentException e) {
      throw new GraphException("TensorFlow rejected the graph: " + e.getMessage(), e);
    }
  }

  private static java.util.Optional<String> findCycle(TfGraph g) {
    Map<String, Integer> state = new HashMap<>();
    for (NodeDef n : g.nodes()) {
      String cycle = visit(g, n.getName(), state);
      if (cycle != null) {
        return java.util.Optional.of("cycle through node '" + cycle + "'");
      }
    }
    return java.util.Optional.empty();
  }

  private static String visit(TfGraph g, String start, Map<String, Integer> state) {
    // iterative DFS: 1 = on stack, 2 = done
    List<String> stack = new ArrayList<>();
    List<Integer> next = new ArrayList<>();
    if (state.containsKey(start)) {
      return null;
    }
    stack.add(start);
    next.add(0);
    state.put(start, 1);
    while (!stack.isEmpty()) {
      int top = stack.size() - 1;
      NodeDef n = g.node(stack.get(top));
      int i = next.get(top);
      if (i < n.getInputCount()) {
        next.set(top, i + 1);
        String in = TensorName.nodeOf(n.getInput(i));
        Integer s = state.get(in);
        if (s == null) {
          state.put(in, 1);
          stack.add(in);
          next.add(0);
        } else if (s == 1) {
          return in;
        }
      } else {
        state.put(n.getName(), 2);
        stack.remove(top);
        next.remove(top);
      }
    }
    return null;
  }
}
