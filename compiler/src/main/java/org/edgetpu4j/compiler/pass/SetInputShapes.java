package org.edgetpu4j.compiler.pass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TensorProtos;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * {@code set-input-shapes}: gives Placeholders static shapes, by default fixing an unknown batch
 * dimension to 1.
 *
 * <pre>
 * Before:  input = Placeholder {shape=[-1, 28, 28, 1]}
 * After:   input = Placeholder {shape=[1, 28, 28, 1]}
 * </pre>
 *
 * <p>Explicit shapes must keep the rank and known dimensions of the placeholder's own shape. A
 * placeholder left with an unknown dimension other than the batch, or with unknown rank, is an
 * error naming it.
 */
public final class SetInputShapes implements Pass {
  private final Map<String, long[]> shapes;
  private final long batch;

  /** Explicit shapes by placeholder name; others get their batch dimension set to {@code batch}. */
  public SetInputShapes(Map<String, long[]> shapes, long batch) {
    this.shapes = new LinkedHashMap<>(shapes);
    this.batch = batch;
  }

  /** Batch 1 for every placeholder. */
  public static SetInputShapes batchOne() {
    return new SetInputShapes(Map.of(), 1);
  }

  @Override
  public String name() {
    return "set-input-shapes";
  }

  @Override
  public String description() {
    return "Give graph inputs static shapes (batch " + batch + " unless set).";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    GraphEditor e = g.edit();
    for (String name : shapes.keySet()) {
      NodeDef n =
          g.find(name)
              .orElseThrow(() -> new GraphException("input '" + name + "' is not in the graph"));
      if (!n.getOp().equals("Placeholder")) {
        throw GraphException.at(name, n.getOp(), "an input must be a Placeholder");
      }
    }
    for (NodeDef n : g.nodes()) {
      if (!n.getOp().equals("Placeholder")) {
        continue;
      }
      AttrValue attr = TfGraph.attr(n, "shape");
      long[] shape = shapes.get(n.getName());
      if (shape == null) {
        if (!attr.hasShape() || attr.getShape().getUnknownRank()) {
          throw GraphException.at(
              n.getName(), n.getOp(), "input has unknown rank; give its shape explicitly");
        }
        shape = TensorProtos.dims(attr.getShape());
        if (shape.length > 0 && shape[0] < 0) {
          shape[0] = batch;
        }
      }
      for (long d : shape) {
        if (d < 0) {
          throw GraphException.at(
              n.getName(),
              n.getOp(),
              "input shape " + Arrays.toString(shape) + " is not static; give it explicitly");
        }
      }
      e.get(n.getName())
          .putAttr("shape", AttrValue.newBuilder().setShape(TensorProtos.shape(shape)).build());
      ctx.count("inputs");
    }
    return e.build();
  }
}
