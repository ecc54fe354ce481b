package org.edgetpu4j.compiler.pass;

import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.graph.Variables;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * {@code freeze-variables}: replaces every variable by a constant holding its current value.
 *
 * <pre>
 * Before:  w = VariableV2; w/Assign = Assign(w, init); Init = NoOp(^w/Assign); y = Conv2D(x, w)
 * After:   w = Const(value of w);                                           y = Conv2D(x, w)
 *          (resource variables: r = VarHandleOp; ReadVariableOp(r) becomes the Const)
 * </pre>
 *
 * <p>Values come from a {@link VariableSource}: a live session (usually the training session, whose
 * variables have the same names as the eval graph's) or a checkpoint. Assign, AssignAdd, AssignSub,
 * AssignVariableOp and the Init NoOp are removed. A variable the source does not have is an error
 * naming it.
 */
public final class FreezeVariables implements Pass {
  private static final Set<String> WRITERS =
      Set.of("Assign", "AssignAdd", "AssignSub", "AssignVariableOp", "IsVariableInitialized");

  private final VariableSource source;
  private final String checkpoint;

  /** Freezes with values from {@code source}. */
  public FreezeVariables(VariableSource source) {
    this.source = source;
    this.checkpoint = null;
  }

  private FreezeVariables(String checkpoint) {
    this.source = null;
    this.checkpoint = checkpoint;
  }

  /** Freezes with values restored from the checkpoint at {@code prefix} ({@code Session.save}). */
  public static FreezeVariables fromCheckpoint(String prefix) {
    return new FreezeVariables(prefix);
  }

  private TfGraph applyFromCheckpoint(TfGraph graph, PassContext ctx) {
    try (GraphRunner r = new GraphRunner(graph)) {
      try {
        r.session().restore(checkpoint);
      } catch (RuntimeException e) {
        throw new GraphException(
            "cannot restore checkpoint " + checkpoint + ": " + e.getMessage(), e);
      }
      return new FreezeVariables(VariableSource.of(r.session())).apply(graph, ctx);
    }
  }

  @Override
  public String name() {
    return "freeze-variables";
  }

  @Override
  public String description() {
    return "Replace variables by constants holding their current values.";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    if (checkpoint != null) {
      return applyFromCheckpoint(g, ctx);
    }
    GraphEditor e = g.edit();
    for (NodeDef n : g.nodes()) {
      if (WRITERS.contains(n.getOp()) || n.getName().equals(Variables.INIT)) {
        e.remove(n.getName());
        ctx.count("removed(" + n.getOp() + ")");
      } else if (n.getOp().equals("VariableV2") || n.getOp().equals("Variable")) {
        e.put(constant(n.getName(), read(n)));
        ctx.count("frozen");
      } else if (n.getOp().equals("ReadVariableOp")) {
        e.put(constant(n.getName(), read(n)));
        ctx.count("frozen");
      }
    }
    for (NodeDef n : g.nodes()) {
      if (n.getOp().equals("VarHandleOp")
          && g.consumers(n.getName()).stream()
              .allMatch(c -> !e.has(c) || g.op(c).equals("ReadVariableOp"))) {
        e.remove(n.getName());
      }
    }
    e.dropDanglingControlInputs();
    for (String name : e.names()) {
      for (String in : e.get(name).getInputList()) {
        if (!e.has(org.edgetpu4j.compiler.graph.TensorName.nodeOf(in))) {
          throw GraphException.at(
              name,
              e.get(name).getOp(),
              "reads '" + in + "', which freezing removed (a variable writer)");
        }
      }
    }
    return e.build();
  }

  private TensorProto read(NodeDef n) {
    return source
        .read(n.getName())
        .orElseThrow(
            () -> GraphException.at(n.getName(), n.getOp(), "variable has no value in the source"));
  }

  private static NodeDef constant(String name, TensorProto value) {
    return Nodes.op("Const", name)
        .putAttr("dtype", Nodes.type(value.getDtype()))
        .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
        .build();
  }
}
