package org.edgetpu4j.compiler.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.train.LeNet;
import org.edgetpu4j.compiler.train.LeNetTraining;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.NodeDef;

/** Acceptance: PTQ of the float LeNet with a 200-image representative set. */
class PostTrainingQuantizationTest {
  @Test
  void calibratedFakeQuantGraphKeepsFloatAccuracy() {
    TfGraph floatGraph = LeNetTraining.trainFloat(7, 2);
    LeNet.Data train = LeNet.data("train", 200);
    List<Map<String, FloatTensor>> samples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      samples.add(Map.of(LeNet.INPUT, train.batch(i, 1)));
    }
    List<int[]> seen = new ArrayList<>();
    TfGraph ptq =
        PostTrainingQuantization.quantize(
            floatGraph,
            List.of(LeNet.OUTPUT),
            samples,
            PostTrainingQuantization.Options.defaults(),
            (done, total) -> seen.add(new int[] {done, total}));
    assertThat(seen).hasSize(200);
    long fakeQuants =
        ptq.nodes().stream().map(NodeDef::getOp).filter(o -> o.startsWith("FakeQuant")).count();
    assertThat(fakeQuants).isEqualTo(9); // input, 4 weights, 4 activations
    LeNet.Data test = LeNet.data("test", 1000);
    FloatTensor x = test.batch(0, test.size());
    double accFloat =
        LeNet.accuracy(
            GraphRunner.runOnce(floatGraph, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0),
            test.labels());
    double accPtq =
        LeNet.accuracy(
            GraphRunner.runOnce(ptq, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0),
            test.labels());
    System.out.printf("PTQ LeNet: float %.4f fake-quant %.4f%n", accFloat, accPtq);
    assertThat(accFloat).isGreaterThan(0.85);
    assertThat(accPtq).isGreaterThan(accFloat - 0.01);
  }
}
