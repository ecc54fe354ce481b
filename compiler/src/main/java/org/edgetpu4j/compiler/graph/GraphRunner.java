package org.edgetpu4j.compiler.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs a {@link TfGraph} in TensorFlow Java: imports it into a fresh graph, opens a session (which
 * runs the graph's initializers on first use) and feeds and fetches float tensors.
 */
public final class GraphRunner implements AutoCloseable {
  private final Graph graph;
  private final Session session;

  /** Imports {@code g} and opens a session on it. */
  public GraphRunner(TfGraph g) {
    this.graph = new Graph();
    try {
      graph.importGraphDef(g.def());
    } catch (IllegalArgumentException e) {
      graph.close();
      throw new GraphException("TensorFlow rejected the graph: " + e.getMessage(), e);
    }
    this.session = new Session(graph);
  }

  /** Runs {@code g} once. */
  public static List<FloatTensor> runOnce(
      TfGraph g, Map<String, FloatTensor> feeds, List<String> fetches) {
    try (GraphRunner r = new GraphRunner(g)) {
      return r.run(feeds, fetches);
    }
  }

  /** The TensorFlow graph. */
  public Graph graph() {
    return graph;
  }

  /** The session. */
  public Session session() {
    return session;
  }

  /** Feeds float tensors by tensor name and fetches float tensors by tensor name. */
  public List<FloatTensor> run(Map<String, FloatTensor> feeds, List<String> fetches) {
    List<TFloat32> inputs = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Map.Entry<String, FloatTensor> e : feeds.entrySet()) {
        TFloat32 t = toTensor(e.getValue());
        inputs.add(t);
        runner.feed(e.getKey(), t);
      }
      fetches.forEach(runner::fetch);
      try (Result result = runner.run()) {
        List<FloatTensor> out = new ArrayList<>();
        for (int i = 0; i < fetches.size(); i++) {
          out.add(toFloat((TFloat32) result.get(i)));
        }
        return out;
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  /** Copies a {@link FloatTensor} into a new TensorFlow tensor (the caller closes it). */
  public static TFloat32 toTensor(FloatTensor t) {
    return TFloat32.tensorOf(Shape.of(t.shape()), DataBuffers.of(t.values(), true, false));
  }

  /** Copies a TensorFlow float tensor. */
  public static FloatTensor toFloat(TFloat32 t) {
    float[] v = new float[Math.toIntExact(t.shape().size())];
    t.copyTo(DataBuffers.of(v, false, false));
    return new FloatTensor(t.shape().asArray(), v);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
