package org.edgetpu4j.compiler.train;

import org.edgetpu4j.compiler.graph.TfGraph;

/**
 * Test fixture shared with the emitter's acceptance tests: trains {@link LeNet} on the MNIST subset
 * and returns frozen graphs.
 */
public final class LeNetTraining {
  /** The QAT configuration of the toy run. */
  public static final QatConfig QAT =
      QatConfig.defaults()
          .withQuantDelay(60)
          .withFreezeBatchNormDelay(100)
          .withEmaDecay(0.9f)
          .withBatchNormMomentum(0.9f);

  private LeNetTraining() {}

  /** Float training for {@code epochs} epochs over 2000 images; the frozen float graph. */
  public static TfGraph trainFloat(long seed, int epochs) {
    var model = LeNet.model(seed);
    LeNet.Data train = LeNet.data("train", 2000);
    try (Trainer t =
        new Trainer(QuantizationAwareTraining.createFloatTrainingGraph(model, 0.9f), 2e-3f)) {
      for (int e = 0; e < epochs; e++) {
        t.epoch(train, 32);
      }
      System.out.printf(
          "float training: %d steps, %.1f ms/step (batch 32)%n", t.steps, t.meanStepMillis());
      return QuantizationAwareTraining.exportFrozenFloatGraph(model, t.session, t.outputs());
    }
  }

  /** QAT for {@code epochs} epochs; returns {frozen fake-quant eval graph, frozen float graph}. */
  public static TfGraph[] trainQat(long seed, int epochs) {
    var model = LeNet.model(seed);
    LeNet.Data train = LeNet.data("train", 2000);
    try (Trainer t =
        new Trainer(QuantizationAwareTraining.createTrainingGraph(model, QAT), 2e-3f)) {
      for (int e = 0; e < epochs; e++) {
        t.epoch(train, 32);
      }
      System.out.printf(
          "QAT training: %d steps, %.1f ms/step (batch 32)%n", t.steps, t.meanStepMillis());
      return new TfGraph[] {
        QuantizationAwareTraining.exportFrozenEvalGraph(model, QAT, t.session, t.outputs()),
        QuantizationAwareTraining.exportFrozenFloatGraph(model, t.session, t.outputs())
      };
    }
  }
}
