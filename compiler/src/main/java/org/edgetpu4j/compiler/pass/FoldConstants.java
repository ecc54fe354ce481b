package org.edgetpu4j.compiler.pass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * {@code fold-constants}: evaluates every subgraph whose inputs are all constants (folded batch
 * norm multipliers, weight ranges, reshapes of constants) in TensorFlow and replaces it by one
 * {@code Const} with the same name. FakeQuant nodes are never folded, so the emitter still sees
 * {@code FakeQuant(Const weights, Const min, Const max)}.
 *
 * <pre>
 * Before:  mul_fold = Mul(W, Mul(gamma, Rsqrt(AddV2(var, eps))));  fq = FakeQuant(mul_fold, ...)
 * After:   mul_fold = Const(W * gamma / sqrt(var + eps));          fq = FakeQuant(mul_fold, ...)
 * </pre>
 *
 * <p>Preconditions: none; stateful ops, placeholders, variables and nodes with control inputs are
 * left alone, as are nodes whose outputs other than 0 are used.
 */
public final class FoldConstants implements Pass {
  @Override
  public String name() {
    return "fold-constants";
  }

  @Override
  public String description() {
    return "Evaluate constant subgraphs (except FakeQuant nodes) into Const nodes.";
  }

  @Override
  public TfGraph apply(TfGraph graph, PassContext ctx) {
    TfGraph g = bypassConstIdentities(graph, ctx);
    Map<String, Boolean> foldable = new HashMap<>();
    for (NodeDef n : g.nodes()) {
      isConstant(g, n, foldable);
    }
    List<String> frontier = new ArrayList<>();
    for (NodeDef n : g.nodes()) {
      if (!foldable.get(n.getName()) || n.getOp().equals("Const")) {
        continue;
      }
      boolean feedsOther = g.consumers(n.getName()).isEmpty();
      for (String c : g.consumers(n.getName())) {
        feedsOther |= !foldable.get(c);
      }
      if (feedsOther) {
        frontier.add(n.getName());
      }
    }
    if (frontier.isEmpty()) {
      return g;
    }
    GraphEditor e = g.edit();
    try (GraphRunner r = new GraphRunner(g)) {
      Session.Runner run = r.session().runner();
      frontier.forEach(run::fetch);
      try (Result res = run.run()) {
        for (int i = 0; i < frontier.size(); i++) {
          e.put(
              Nodes.op("Const", frontier.get(i))
                  .putAttr("dtype", Nodes.type(res.get(i).dataType()))
                  .putAttr(
                      "value",
                      AttrValue.newBuilder().setTensor(VariableSource.toProto(res.get(i))).build())
                  .build());
        }
      }
    }
    Set<String> kept = new HashSet<>(frontier);
    for (NodeDef n : g.nodes()) {
      if (foldable.get(n.getName()) && !kept.contains(n.getName())) {
        boolean usedByKept = false;
        for (String c : g.consumers(n.getName())) {
          usedByKept |= !foldable.get(c);
        }
        if (!usedByKept && !(n.getOp().equals("Const") && g.consumers(n.getName()).isEmpty())) {
          e.remove(n.getName());
          ctx.count("removed");
        }
      }
    }
    ctx.count("folded", frontier.size());
    return e.build();
  }

  /** {@code Identity(Const)} read nodes are bypassed so weights keep their variable's name. */
  private static TfGraph bypassConstIdentities(TfGraph g, PassContext ctx) {
    GraphEditor e = g.edit();
    boolean changed = false;
    for (NodeDef n : g.nodes()) {
      if (n.getOp().equals("Identity")
          && n.getInputCount() == 1
          && g.isConst(n.getInput(0))
          && !g.consumers(n.getName()).isEmpty()) {
        e.reroute(n.getName(), n.getInput(0), Set.of());
        e.remove(n.getName());
        ctx.count("bypassed(Identity)");
        changed = true;
      }
    }
    return changed ? e.build() : g;
  }

  private static boolean isConstant(TfGraph g, NodeDef n, Map<String, Boolean> memo) {
    Boolean known = memo.get(n.getName());
    if (known != null) {
      return known;
    }
    memo.put(n.getName(), false);
    boolean c;
    if (n.getOp().equals("Const")) {
      c = true;
    } else if (n.getOp().startsWith("FakeQuant")
        || n.getOp().equals("Placeholder")
        || n.getOp().equals("NoOp")
        || n.getInputCount() == 0
        || TensorFlow.isOpStateful(n.getOp())) {
      c = false;
    } else {
      c = true;
      for (String in : n.getInputList()) {
        TensorName t = TensorName.parse(in);
        c &= !t.isControl() && isConstant(g, g.node(t.node()), memo);
      }
      for (String consumer : g.consumers(n.getName())) {
        for (String in : g.node(consumer).getInputList()) {
          TensorName t = TensorName.parse(in);
          c &= !(t.node().equals(n.getName()) && t.index() != 0);
        }
      }
    }
    memo.put(n.getName(), c);
    return c;
  }
}
