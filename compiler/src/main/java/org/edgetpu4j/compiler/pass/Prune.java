package org.edgetpu4j.compiler.pass;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.NodeDef;

/**
 * {@code prune}: keeps only the nodes the given outputs depend on (through data or control inputs).
 *
 * <pre>
 * Before:  x -> a -> y;  x -> b (unused);  Init = NoOp
 * After:   x -> a -> y          (outputs = [y])
 * </pre>
 */
public final class Prune implements Pass {
  private final List<String> outputs;

  /** Keeps what {@code outputs} (node names) need. */
  public Prune(List<String> outputs) {
    this.outputs = List.copyOf(outputs);
  }

  @Override
  public String name() {
    return "prune";
  }

  @Override
  public String description() {
    return "Remove nodes the outputs do not depend on.";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    Set<String> keep = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String o : outputs) {
      todo.add(g.node(TensorName.nodeOf(o)).getName());
    }
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (keep.add(n)) {
        for (String in : g.node(n).getInputList()) {
          todo.add(TensorName.nodeOf(in));
        }
      }
    }
    GraphEditor e = g.edit();
    for (NodeDef n : g.nodes()) {
      if (!keep.contains(n.getName())) {
        e.remove(n.getName());
        ctx.count("removed");
      }
    }
    return e.build();
  }
}
