package org.edgetpu4j.compiler.train;

import java.util.List;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A rewritten model imported into a fresh TensorFlow {@link Graph}, ready for a loss and an
 * optimizer. Node names are those of the model (plus the rewrite's own nodes).
 */
public final class TrainingGraph implements AutoCloseable {
  private final Graph graph;
  private final TfGraph rewritten;
  private final List<String> trainable;

  TrainingGraph(TfGraph rewritten, List<String> trainable) {
    this.rewritten = rewritten;
    this.trainable = List.copyOf(trainable);
    this.graph = new Graph();
    try {
      graph.importGraphDef(rewritten.def());
    } catch (IllegalArgumentException e) {
      graph.close();
      throw new GraphException("TensorFlow rejected the rewritten graph: " + e.getMessage(), e);
    }
  }

  /** The TensorFlow graph to add the loss and optimizer to. */
  public Graph graph() {
    return graph;
  }

  /** The rewritten GraphDef, for printing or inspection. */
  public TfGraph rewritten() {
    return rewritten;
  }

  /**
   * The variables an optimizer should update: the model's variables except batch-norm moving
   * statistics; never the rewrite's range or step variables.
   */
  public List<String> trainableVariables() {
    return trainable;
  }

  /** Output 0 of node {@code name} as a float operand. */
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> output(String name) {
    GraphOperation op = graph.operation(name);
    if (op == null) {
      throw new GraphException("no node named '" + name + "' in the training graph");
    }
    return (Operand<TFloat32>) (Operand<?>) op.output(0);
  }

  @Override
  public void close() {
    graph.close();
  }
}
