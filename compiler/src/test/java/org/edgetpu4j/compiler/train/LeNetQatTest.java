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
    TfGraph[] graphs = LeNetTraining.trainQat(7, 2);
    TfGraph frozen = graphs[0];
    TfGraph floatGraph = graphs[1];
    for (NodeDef n : frozen.nodes()) {
      assertThat(n.getOp()).isNotIn("VariableV2", "Assign", "FusedBatchNormV3", "SelectV2");
    }
    assertThat(frozen.op("conv1/weights_quant")).isEqualTo("FakeQuantWithMinMaxVarsPerChannel");
    assertThat(frozen.op("conv1/BatchNorm_Fold/mul_fold")).isEqualTo("Const");
    LeNet.Data test = LeNet.data("test", 1000);
    FloatTensor x = test.batch(0, test.size());
    FloatTensor fq = run(frozen, x);
    FloatTensor fl = run(floatGraph, x);
    double accFq = LeNet.accuracy(fq, test.labels());
    double accFloat = LeNet.accuracy(fl, test.labels());
    double agree = LeNet.agreement(LeNet.argmax(fq), LeNet.argmax(fl));
    System.out.printf(
        "QAT LeNet (same weights): float %.4f fake-quant %.4f argmax agreement %.4f%n",
        accFloat, accFq, agree);
    assertThat(accFloat).isGreaterThan(0.85);
    assertThat(accFq).isGreaterThan(accFloat - 0.01);
    assertThat(agree).isGreaterThan(0.98);

    TfGraph emit = QuantizationAwareTraining.forEmission(frozen, List.of(LeNet.OUTPUT));
    assertThat(emit.node(LeNet.INPUT).getAttrOrThrow("shape").getShape().getDim(0).getSize())
        .isEqualTo(1);
    FloatTensor one = run(emit, test.batch(3, 1));
    for (int k = 0; k < 10; k++) {
      assertThat(one.get(k)).isEqualTo(fq.get(30 + k));
    }
  }

  private static FloatTensor run(TfGraph g, FloatTensor x) {
    return GraphRunner.runOnce(g, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0);
  }
}
