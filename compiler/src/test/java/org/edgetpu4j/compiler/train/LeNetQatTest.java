package org.edgetpu4j.compiler.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.NodeDef;

/**
 * Acceptance on the compiler's front half: LeNet with batch norm trained on an MNIST subset with
 * the training rewrite (quant delay, batch-norm folding and freezing), then eval-rewritten and
 * frozen.
 */
class LeNetQatTest {
  @Test
  void qatTrainingGivesFrozenFakeQuantGraphCloseToFloat() {
    LeNet.Data train = LeNet.data("train", 2000);
    LeNet.Data test = LeNet.data("test", 1000);
    QatConfig cfg =
        QatConfig.defaults()
            .withQuantDelay(60)
            .withFreezeBatchNormDelay(100)
            .withEmaDecay(0.9f)
            .withBatchNormMomentum(0.9f);
    var model = LeNet.model(7);
    TfGraph frozen;
    TfGraph floatGraph;
    double ms;
    try (Trainer t =
        new Trainer(QuantizationAwareTraining.createTrainingGraph(model, cfg), 2e-3f)) {
      t.epoch(train, 32);
      float loss = t.epoch(train, 32);
      assertThat(loss).isLessThan(0.6f);
      ms = t.meanStepMillis();
      frozen = QuantizationAwareTraining.exportFrozenEvalGraph(model, cfg, t.session, t.outputs());
      floatGraph = QuantizationAwareTraining.exportFrozenFloatGraph(model, t.session, t.outputs());
    }
    System.out.println(frozen);
    for (NodeDef n : frozen.nodes()) {
      assertThat(n.getOp()).isNotIn("VariableV2", "Assign", "FusedBatchNormV3");
    }
    FloatTensor x = test.batch(0, test.size());
    FloatTensor fq =
        GraphRunner.runOnce(frozen, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0);
    FloatTensor fl =
        GraphRunner.runOnce(floatGraph, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0);
    double accFq = LeNet.accuracy(fq, test.labels());
    double accFloat = LeNet.accuracy(fl, test.labels());
    System.out.printf(
        "QAT LeNet: float %.4f fake-quant %.4f argmax agreement %.4f, step %.1f ms%n",
        accFloat, accFq, LeNet.agreement(LeNet.argmax(fq), LeNet.argmax(fl)), ms);
    assertThat(accFloat).isGreaterThan(0.85);
    assertThat(accFq).isGreaterThan(accFloat - 0.01);
  }
}
