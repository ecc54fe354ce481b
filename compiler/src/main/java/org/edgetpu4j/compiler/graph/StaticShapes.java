package org.edgetpu4j.compiler.graph;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;

/**
 * Static output shapes of every node, as TensorFlow's shape inference computes them when the graph
 * is imported. Unknown dimensions are -1; an unknown rank has no entry.
 */
public final class StaticShapes {
  private final Map<String, long[]> shapes;

  private StaticShapes(Map<String, long[]> shapes) {
    this.shapes = shapes;
  }

  /** Infers the shapes of {@code g}. */
  public static StaticShapes of(TfGraph g) {
    Map<String, long[]> out = new HashMap<>();
    try (Graph graph = new Graph()) {
      graph.importGraphDef(g.def());
      for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        for (int i = 0; i < op.numOutputs(); i++) {
          Shape s = op.output(i).shape();
          if (!s.isUnknown()) {
            out.put(new TensorName(op.name(), i).toString(), s.asArray());
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new GraphException("TensorFlow rejected the graph: " + e.getMessage(), e);
    }
    return new StaticShapes(out);
  }

  /** The shape of the tensor named by an input string, if its rank is known. */
  public Optional<long[]> of(String tensor) {
    long[] s = shapes.get(TensorName.parse(tensor).toString());
    return Optional.ofNullable(s == null ? null : s.clone());
  }

  /** The shape of a tensor, which must be fully known. */
  public long[] require(String tensor, String op) {
    long[] s =
        of(tensor)
            .orElseThrow(
                () ->
                    GraphException.at(
                        tensor, op, "output rank is unknown; a static shape is needed"));
    for (long d : s) {
      if (d < 0) {
        throw GraphException.at(
            tensor,
            op,
            "shape " + java.util.Arrays.toString(s) + " is not static; fix the input shapes");
      }
    }
    return s;
  }
}
