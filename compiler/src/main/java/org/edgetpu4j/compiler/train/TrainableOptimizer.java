package org.edgetpu4j.compiler.train;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.compiler.graph.GraphException;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam over an explicit list of variables. Framework optimizers update every {@code VariableV2} a
 * gradient reaches, which would train the quantization range variables; this one updates exactly
 * the listed variables (usually {@link TrainingGraph#trainableVariables()}).
 */
public final class TrainableOptimizer {
  private TrainableOptimizer() {}

  /**
   * Adds gradients of {@code loss} and one {@code ApplyAdam} per variable; returns the op to run
   * each step. Variables the loss does not reach are skipped.
   */
  public static Op adam(
      Graph g, Operand<TFloat32> loss, List<String> variables, float learningRate) {
    return adam(g, loss, variables, Ops.create(g).withSubScope("adam").constant(learningRate));
  }

  /**
   * Like {@link #adam(Graph, Operand, List, float)} with the learning rate read from {@code
   * learningRate} each step (a placeholder fed per step gives a schedule).
   */
  @SuppressWarnings("unchecked")
  public static Op adam(
      Graph g, Operand<TFloat32> loss, List<String> variables, Operand<TFloat32> learningRate) {
    FakeQuantGradients.register();
    Ops tf = Ops.create(g).withSubScope("adam");
    Output<?>[] xs = new Output<?>[variables.size()];
    for (int i = 0; i < xs.length; i++) {
      GraphOperation op = g.operation(variables.get(i));
      if (op == null) {
        throw new GraphException("no variable named '" + variables.get(i) + "'");
      }
      xs[i] = op.output(0);
    }
    Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
    Variable<TFloat32> t = tf.withName("t").variable(tf.constant(0f));
    Operand<TFloat32> step = tf.withName("t_next").assignAdd(t, tf.constant(1f));
    Operand<TFloat32> b1 = tf.constant(0.9f);
    Operand<TFloat32> b2 = tf.constant(0.999f);
    Operand<TFloat32> b1p = tf.math.pow(b1, step);
    Operand<TFloat32> b2p = tf.math.pow(b2, step);
    Operand<TFloat32> lr = learningRate;
    Operand<TFloat32> eps = tf.constant(1e-7f);
    // Gate: every gradient is computed before any variable changes. Without it an update can run
    // while a backward op that reads the same variable (Conv2DBackpropInput, MatMul) has not yet,
    // and results depend on scheduling.
    List<Op> gates = new ArrayList<>();
    Operand<?>[] gated = new Operand<?>[xs.length];
    for (int i = 0; i < xs.length; i++) {
      if (grads[i] != null && !grads[i].isClosed()) {
        var id = tf.withName("gate_" + i).identity((Operand<TFloat32>) grads[i]);
        gates.add(id);
        gated[i] = id;
      }
    }
    Ops after = tf.withControlDependencies(gates);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      if (gated[i] == null) {
        continue;
      }
      Shape shape = xs[i].shape();
      String base = variables.get(i).replace('/', '_');
      Variable<TFloat32> m = tf.withName(base + "_m").variable(zeros(tf, shape));
      Variable<TFloat32> v = tf.withName(base + "_v").variable(zeros(tf, shape));
      updates.add(
          after.train.applyAdam(
              (Operand<TFloat32>) xs[i],
              m,
              v,
              b1p,
              b2p,
              lr,
              b1,
              b2,
              eps,
              (Operand<TFloat32>) gated[i]));
    }
    if (updates.isEmpty()) {
      throw new GraphException("the loss reaches none of the trainable variables " + variables);
    }
    return tf.withName("minimize").withControlDependencies(updates).noOp();
  }

  private static Operand<TFloat32> zeros(Ops tf, Shape shape) {
    return tf.constant(shape, DataBuffers.ofFloats(shape.size()));
  }
}
