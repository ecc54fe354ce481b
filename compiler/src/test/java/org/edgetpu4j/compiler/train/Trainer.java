package org.edgetpu4j.compiler.train;

import java.util.List;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Test fixture: trains a {@link TrainingGraph} of {@link LeNet} with Adam, batch 32. */
final class Trainer implements AutoCloseable {
  final TrainingGraph tg;
  final Session session;
  final Op train;
  final Operand<TFloat32> loss;
  long totalNanos;
  int steps;

  Trainer(TrainingGraph tg, float lr) {
    this.tg = tg;
    Ops tf = Ops.create(tg.graph());
    Operand<TInt32> labels = tf.withName("labels").placeholder(TInt32.class);
    loss =
        tf.math.mean(
            tf.nn.sparseSoftmaxCrossEntropyWithLogits(tg.output(LeNet.OUTPUT), labels).loss(),
            tf.constant(0));
    train = TrainableOptimizer.adam(tg.graph(), loss, tg.trainableVariables(), lr);
    session = new Session(tg.graph());
  }

  /** One pass over {@code data} in batches of {@code batch}; returns the last loss. */
  float epoch(LeNet.Data data, int batch) {
    float last = Float.NaN;
    for (int from = 0; from + batch <= data.size(); from += batch) {
      int[] y = java.util.Arrays.copyOfRange(data.labels(), from, from + batch);
      try (TFloat32 x = GraphRunner.toTensor(data.batch(from, batch));
          TInt32 yt = TInt32.vectorOf(y)) {
        long t0 = System.nanoTime();
        try (var r =
            session
                .runner()
                .feed(LeNet.INPUT, x)
                .feed("labels", yt)
                .addTarget(train)
                .fetch(loss)
                .run()) {
          last = ((TFloat32) r.get(0)).getFloat();
        }
        if (steps > 0) {
          totalNanos += System.nanoTime() - t0;
        }
        steps++;
      }
    }
    return last;
  }

  double meanStepMillis() {
    return totalNanos / 1e6 / Math.max(1, steps - 1);
  }

  List<String> outputs() {
    return List.of(LeNet.OUTPUT);
  }

  @Override
  public void close() {
    session.close();
    tg.close();
  }
}
