package org.edgetpu4j.examples.mnist;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.train.TrainableOptimizer;
import org.edgetpu4j.compiler.train.TrainingGraph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Trains a {@link TrainingGraph} of {@link LeNetModel} with Adam on shuffled mini-batches. */
final class MnistTrainer implements AutoCloseable {
  /** Figures of one epoch. */
  record Epoch(double loss, double accuracyPercent, int steps) {}

  private final TrainingGraph tg;
  private final Session session;
  private final Op train;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> logits;
  private final Operand<TFloat32> rate;
  private final float baseRate;

  MnistTrainer(TrainingGraph tg, float learningRate) {
    this.tg = tg;
    Ops tf = Ops.create(tg.graph());
    Operand<TInt32> labels = tf.withName("labels").placeholder(TInt32.class);
    logits = tg.output(LeNetModel.OUTPUT);
    loss =
        tf.math.mean(
            tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
    rate = tf.withName("learning_rate").placeholder(TFloat32.class);
    train = TrainableOptimizer.adam(tg.graph(), loss, tg.trainableVariables(), rate);
    this.baseRate = learningRate;
    // one thread per op and between ops: float sums in a fixed order, so a seed repeats a run
    session =
        new Session(
            tg.graph(),
            ConfigProto.newBuilder()
                .setUsePerSessionThreads(true)
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build());
  }

  Session session() {
    return session;
  }

  /**
   * Learning rate of epoch {@code epoch} (from 1): the base rate for two epochs, then halved each
   * epoch, so the last epochs settle instead of jumping around a minimum.
   */
  float rate(int epoch) {
    return baseRate / (1 << Math.max(0, Math.min(epoch - 2, 20)));
  }

  /**
   * One pass over the data in shuffled batches of {@code batch} (a final partial one dropped), at
   * the learning rate of epoch {@code epoch}.
   */
  Epoch epoch(int epoch, Images data, int batch, Random rnd, Progress progress) {
    int[] order = data.permutation(rnd);
    int steps = data.size() / batch;
    double lossSum = 0;
    int correct = 0;
    for (int s = 0; s < steps; s++) {
      int[] idx = java.util.Arrays.copyOfRange(order, s * batch, (s + 1) * batch);
      FloatTensor x = data.batch(idx);
      int[] y = data.labels(idx);
      try (TFloat32 xt = GraphRunner.toTensor(x);
          TInt32 yt = TInt32.vectorOf(y);
          TFloat32 lr = TFloat32.scalarOf(rate(epoch));
          var r =
              session
                  .runner()
                  .feed(LeNetModel.INPUT, xt)
                  .feed("labels", yt)
                  .feed(rate, lr)
                  .addTarget(train)
                  .fetch(loss)
                  .fetch(logits)
                  .run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat();
        FloatTensor out = GraphRunner.toFloat((TFloat32) r.get(1));
        for (int i = 0; i < batch; i++) {
          if (Images.argmax(out, i) == y[i]) {
            correct++;
          }
        }
      }
      progress.update(s + 1, String.format(Locale.ROOT, "loss %.4f", lossSum / (s + 1)));
    }
    return new Epoch(
        lossSum / Math.max(1, steps), 100.0 * correct / Math.max(1, steps * batch), steps);
  }

  /** Current values of the named variables. */
  Map<String, float[]> values(List<String> names) {
    Map<String, float[]> out = new java.util.LinkedHashMap<>();
    for (String name : names) {
      try (var r = session.runner().fetch(name).run()) {
        out.put(name, GraphRunner.toFloat((TFloat32) r.get(0)).values());
      }
    }
    return out;
  }

  List<String> outputs() {
    return List.of(LeNetModel.OUTPUT);
  }

  @Override
  public void close() {
    session.close();
    tg.close();
  }
}
