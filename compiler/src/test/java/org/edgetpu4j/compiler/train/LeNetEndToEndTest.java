package org.edgetpu4j.compiler.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.calibrate.PostTrainingQuantization;
import org.edgetpu4j.compiler.calibrate.ProgressListener;
import org.edgetpu4j.compiler.emit.Compiled;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.compiler.emit.TfliteEmitter;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.NodeDef;

/**
 * Acceptance: LeNet with batch norm trained on an MNIST subset with the training rewrite (quant
 * delay, batch-norm folding and freezing), eval-rewritten and frozen; and the float model quantized
 * post-training with 200 representative images. The front half meets the emitter: QAT and PTQ LeNet
 * graphs compile to int8 models with uint8 I/O that run in the real TFLite interpreter and keep the
 * float model's accuracy.
 */
class LeNetEndToEndTest {
  private static final EmitOptions OPTIONS =
      EmitOptions.of(
          List.of(new EmitOptions.IoSpec(LeNet.INPUT, new long[] {1, 28, 28, 1})),
          List.of(LeNet.OUTPUT));

  @Test
  void qatModelRunsInTfliteCloseToFloatAndToTheFakeQuantGraph() throws Exception {
    TfGraph[] graphs = LeNetTraining.trainQat(7, 2);
    TfGraph frozen = graphs[0];
    for (NodeDef n : frozen.nodes()) {
      assertThat(n.getOp()).isNotIn("VariableV2", "Assign", "FusedBatchNormV3", "SelectV2");
    }
    assertThat(frozen.op("conv1/weights_quant")).isEqualTo("FakeQuantWithMinMaxVarsPerChannel");
    assertThat(frozen.op("conv1/BatchNorm_Fold/mul_fold")).isEqualTo("Const");
    LeNet.Data test = LeNet.data("test", 1000);
    FloatTensor x = test.batch(0, test.size());
    FloatTensor fq = run(frozen, x);
    double accFloat = LeNet.accuracy(run(graphs[1], x), test.labels());
    double accFq = LeNet.accuracy(fq, test.labels());
    TfGraph emit = QuantizationAwareTraining.forEmission(frozen, List.of(LeNet.OUTPUT));
    FloatTensor one = run(emit, test.batch(3, 1));
    for (int k = 0; k < 10; k++) {
      assertThat(one.get(k)).isEqualTo(fq.get(30 + k)); // batch 1 graph computes the same
    }
    Compiled c = TfliteEmitter.compile(emit.def(), OPTIONS);
    assertThat(c.report().edgetpuCompatible()).as(c.report().findings().toString()).isTrue();
    Result r = runTflite(c, test);
    int agree = 0;
    float maxSteps = 0;
    for (int i = 0; i < test.size(); i++) {
      int best = 0;
      for (int k = 0; k < 10; k++) {
        maxSteps = Math.max(maxSteps, Math.abs(r.logits[i][k] - fq.get(i * 10 + k)) / r.scale);
        best = r.logits[i][k] > r.logits[i][best] ? k : best;
      }
      agree += best == LeNet.argmax(fq)[i] ? 1 : 0;
    }
    double accInt = r.accuracy(test.labels());
    System.out.printf(
        "QAT LeNet: float %.4f fake-quant %.4f int8 (TFLite) %.4f; argmax agreement int8 vs"
            + " fake-quant %.4f; max |int8 - fake-quant| %.1f output steps%n",
        accFloat, accFq, accInt, agree / (double) test.size(), maxSteps);
    assertThat(accFloat).isGreaterThan(0.85);
    assertThat(accInt).isGreaterThanOrEqualTo(accFloat - 0.003);
    assertThat(agree / (double) test.size()).isGreaterThanOrEqualTo(0.995);
    assertThat(maxSteps).isLessThanOrEqualTo(2f);
  }

  @Test
  void ptqModelRunsInTfliteCloseToFloat() throws Exception {
    TfGraph floatGraph = LeNetTraining.trainFloat(7, 2);
    LeNet.Data train = LeNet.data("train", 200);
    List<Map<String, FloatTensor>> samples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      samples.add(Map.of(LeNet.INPUT, train.batch(i, 1)));
    }
    List<Integer> progress = new ArrayList<>();
    ProgressListener log = ProgressListener.logging("calibration");
    TfGraph ptq =
        PostTrainingQuantization.quantize(
            floatGraph,
            List.of(LeNet.OUTPUT),
            samples,
            PostTrainingQuantization.Options.defaults(),
            (done, total) -> {
              progress.add(done);
              log.progress(done, total);
            });
    assertThat(progress).hasSize(200).endsWith(200);
    long fakeQuants = ptq.nodes().stream().filter(n -> n.getOp().startsWith("FakeQuant")).count();
    assertThat(fakeQuants).isEqualTo(9); // input, 4 weights, 4 activations
    LeNet.Data test = LeNet.data("test", 1000);
    double accFloat = LeNet.accuracy(run(floatGraph, test.batch(0, test.size())), test.labels());
    Compiled c =
        TfliteEmitter.compile(
            QuantizationAwareTraining.forEmission(ptq, List.of(LeNet.OUTPUT)).def(), OPTIONS);
    double accInt = runTflite(c, test).accuracy(test.labels());
    double accFq = LeNet.accuracy(run(ptq, test.batch(0, test.size())), test.labels());
    System.out.printf(
        "PTQ LeNet: float %.4f fake-quant %.4f int8 (TFLite) %.4f%n", accFloat, accFq, accInt);
    assertThat(accFloat).isGreaterThan(0.85);
    assertThat(c.report().edgetpuCompatible()).isTrue();
    assertThat(accInt).isGreaterThanOrEqualTo(accFloat - 0.01);
  }

  private record Result(float[][] logits, float scale) {
    double accuracy(int[] labels) {
      int ok = 0;
      for (int i = 0; i < labels.length; i++) {
        int best = 0;
        for (int k = 1; k < 10; k++) {
          best = logits[i][k] > logits[i][best] ? k : best;
        }
        ok += best == labels[i] ? 1 : 0;
      }
      return ok / (double) labels.length;
    }
  }

  private static Result runTflite(Compiled c, LeNet.Data test) throws Exception {
    var sg = c.model().mainSubgraph();
    QuantParams in = sg.inputTensor(0).quantization();
    QuantParams out = sg.outputTensor(0).quantization();
    float[][] logits = new float[test.size()][10];
    try (TfliteOracle o = TfliteOracle.load(TfliteWriter.toBytes(c.model()), false)) {
      for (int i = 0; i < test.size(); i++) {
        byte[] q = new byte[784];
        for (int k = 0; k < 784; k++) {
          long v = Math.round(test.images()[i][k] / in.scale().get(0)) + in.zeroPoint().get(0);
          q[k] = (byte) Math.max(0, Math.min(255, v));
        }
        byte[] y = o.run(List.of(q), List.of(new int[] {1, 28, 28, 1})).get(0);
        for (int k = 0; k < 10; k++) {
          logits[i][k] = ((y[k] & 0xff) - out.zeroPoint().get(0)) * out.scale().get(0);
        }
      }
    }
    return new Result(logits, out.scale().get(0));
  }

  private static FloatTensor run(TfGraph g, FloatTensor x) {
    return GraphRunner.runOnce(g, Map.of(LeNet.INPUT, x), List.of(LeNet.OUTPUT)).get(0);
  }
}
