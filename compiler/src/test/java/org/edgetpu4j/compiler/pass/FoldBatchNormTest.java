package org.edgetpu4j.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.junit.jupiter.api.Test;

class FoldBatchNormTest {
  private static final String P = "conv/BatchNorm_Fold/";

  @Test
  void evalFormMatchesExpectedGraph() {
    TfGraph before = Fixtures.convBn().build();
    PassContext ctx = new PassContext();
    TfGraph after = Fixtures.run(FoldBatchNorm.eval(), before, ctx);

    TfGraph expected =
        new GraphBuilder()
            .placeholder("x", 1, 6, 6, 2)
            .random("conv/weights", 1, 3, 3, 2, 3)
            .constant("conv/gamma", FloatTensor.of(new float[] {1.5f, 0.5f, -0.8f}, 3))
            .constant("conv/beta", FloatTensor.of(new float[] {0.1f, -0.2f, 0.3f}, 3))
            .constant("conv/mean", FloatTensor.of(new float[] {0.4f, -1f, 2f}, 3))
            .constant("conv/variance", FloatTensor.of(new float[] {2f, 0.3f, 5f}, 3))
            .op("Relu", "conv/Relu", P + "add_fold")
            .node(Nodes.scalar(P + "epsilon", 1e-3f))
            .op("AddV2", P + "add_eps", "conv/variance", P + "epsilon")
            .op("Rsqrt", P + "rsqrt", P + "add_eps")
            .op("Mul", P + "multiplier", "conv/gamma", P + "rsqrt")
            .op("Mul", P + "mean_scaled", "conv/mean", P + "multiplier")
            .op("Sub", P + "bias", "conv/beta", P + "mean_scaled")
            .op("Mul", P + "mul_fold", "conv/weights", P + "multiplier")
            .conv2d("conv/Conv2D_Fold", "x", P + "mul_fold", "SAME")
            .biasAdd(P + "add_fold", "conv/Conv2D_Fold", P + "bias")
            .build();
    assertThat(after.difference(expected)).isEmpty();
    assertThat(ctx.get("folded")).isEqualTo(1);
  }

  @Test
  void evalFormComputesTheSameFunction() {
    TfGraph before = Fixtures.convBn().build();
    TfGraph after = Fixtures.run(FoldBatchNorm.eval(), before, new PassContext());
    assertThat(Fixtures.maxDiff(before, after, Fixtures.input("x", 3, 1, 6, 6, 2), "conv/Relu"))
        .isLessThan(1e-5f);
  }

  @Test
  void depthwiseWithMultiplierFoldsPerOutputChannel() {
    TfGraph before =
        new GraphBuilder()
            .placeholder("x", 1, 5, 5, 2)
            .random("dw/weights", 4, 3, 3, 2, 2)
            .constant("dw/gamma", GraphBuilder.random(5, 0.5f, 1f, 4))
            .constant("dw/beta", GraphBuilder.random(6, 0.5f, 0f, 4))
            .constant("dw/mean", GraphBuilder.random(7, 0.5f, 0f, 4))
            .constant("dw/variance", FloatTensor.of(new float[] {0.5f, 1f, 2f, 3f}, 4))
            .depthwise("dw/depthwise", "x", "dw/weights", "VALID")
            .fusedBatchNorm(
                "dw/BatchNorm",
                "dw/depthwise",
                "dw/gamma",
                "dw/beta",
                "dw/mean",
                "dw/variance",
                1e-3f)
            .op("Identity", "out", "dw/BatchNorm")
            .build();
    TfGraph after = Fixtures.run(FoldBatchNorm.eval(), before, new PassContext());
    assertThat(after.has("dw/BatchNorm_Fold/multiplier_reshaped")).isTrue();
    assertThat(Fixtures.maxDiff(before, after, Fixtures.input("x", 8, 1, 5, 5, 2), "out"))
        .isLessThan(1e-5f);
  }

  @Test
  void trainingFormIsBatchNormWithBatchStatisticsBeforeFreeze() {
    TfGraph before = withVariables(false);
    TfGraph after = Fixtures.run(FoldBatchNorm.training(0.9f, 1000), before, new PassContext());
    Map<String, FloatTensor> x = Fixtures.input("x", 9, 4, 6, 6, 2);
    TfGraph reference = withVariables(true); // FusedBatchNormV3 is_training=true: batch statistics
    FloatTensor expected = GraphRunner.runOnce(reference, x, List.of("conv/Relu")).get(0);
    try (GraphRunner r = new GraphRunner(after)) {
      List<FloatTensor> out = r.run(x, List.of("conv/Relu", P + "batch_mean"));
      assertThat(Fixtures.maxDiff(expected, out.get(0))).isLessThan(1e-4f);
      FloatTensor mm = r.run(Map.of(), List.of("conv/mean")).get(0);
      for (int c = 0; c < 3; c++) {
        float want = MEAN[c] - (MEAN[c] - out.get(1).get(c)) * 0.1f;
        assertThat(mm.get(c)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  @Test
  void trainingFormUsesMovingStatisticsAfterFreeze() {
    TfGraph before = withVariables(false);
    TfGraph after = Fixtures.run(FoldBatchNorm.training(0.9f, 0), before, new PassContext());
    Map<String, FloatTensor> x = Fixtures.input("x", 10, 4, 6, 6, 2);
    assertThat(Fixtures.maxDiff(before, after, x, "conv/Relu")).isLessThan(1e-4f);
  }

  @Test
  void depthwiseTrainingFormIsBatchNormWithBatchStatistics() {
    GraphBuilder b =
        new GraphBuilder()
            .placeholder("x", -1, 5, 5, 2)
            .variable("dw/weights", GraphBuilder.random(11, 0.5f, 0f, 3, 3, 2, 2))
            .variable("dw/gamma", GraphBuilder.random(12, 0.3f, 1f, 4))
            .variable("dw/beta", GraphBuilder.random(13, 0.3f, 0f, 4))
            .variable("dw/mean", GraphBuilder.random(14, 0.3f, 0f, 4))
            .variable("dw/variance", FloatTensor.of(new float[] {0.5f, 1f, 2f, 3f}, 4))
            .depthwise("dw/depthwise", "x", "dw/weights", "SAME")
            .fusedBatchNorm(
                "dw/BatchNorm",
                "dw/depthwise",
                "dw/gamma",
                "dw/beta",
                "dw/mean",
                "dw/variance",
                1e-3f);
    TfGraph before = b.op("Identity", "out", "dw/BatchNorm").build();
    TfGraph reference =
        TfGraph.of(
            before.def().toBuilder()
                .setNode(
                    before.nodes().indexOf(before.node("dw/BatchNorm")),
                    before.node("dw/BatchNorm").toBuilder()
                        .putAttr("is_training", Nodes.bool(true)))
                .build());
    TfGraph after = Fixtures.run(FoldBatchNorm.training(0.9f, 1000), before, new PassContext());
    assertThat(Fixtures.maxDiff(reference, after, Fixtures.input("x", 15, 3, 5, 5, 2), "out"))
        .isLessThan(1e-4f);
  }

  @Test
  void skipsBatchNormWhoseConvHasOtherConsumers() {
    TfGraph before = Fixtures.convBn().op("Relu", "other", "conv/Conv2D").build();
    PassContext ctx = new PassContext();
    TfGraph after = FoldBatchNorm.eval().apply(before, ctx);
    assertThat(after.structurallyEquals(before)).isTrue();
    assertThat(ctx.get("skipped(conv output has other consumers)")).isEqualTo(1);
  }

  private static final float[] MEAN = {0.4f, -1f, 2f};

  private static TfGraph withVariables(boolean training) {
    GraphBuilder b =
        new GraphBuilder()
            .placeholder("x", -1, 6, 6, 2)
            .variable("conv/weights", GraphBuilder.random(1, 1f, 0f, 3, 3, 2, 3))
            .variable("conv/gamma", FloatTensor.of(new float[] {1.5f, 0.5f, -0.8f}, 3))
            .variable("conv/beta", FloatTensor.of(new float[] {0.1f, -0.2f, 0.3f}, 3))
            .variable("conv/mean", FloatTensor.of(MEAN, 3))
            .variable("conv/variance", FloatTensor.of(new float[] {2f, 0.3f, 5f}, 3))
            .conv2d("conv/Conv2D", "x", "conv/weights", "SAME")
            .fusedBatchNorm(
                "conv/BatchNorm",
                "conv/Conv2D",
                "conv/gamma",
                "conv/beta",
                "conv/mean",
                "conv/variance",
                1e-3f);
    if (training) {
      b.attr("is_training", Nodes.bool(true));
    }
    return b.op("Relu", "conv/Relu", "conv/BatchNorm").build();
  }
}
