package org.edgetpu4j.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.train.FakeQuantGradients;
import org.junit.jupiter.api.Test;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

class InsertFakeQuantTrainTest {
  private static TfGraph model() {
    return new GraphBuilder()
        .placeholder("x", -1, 6, 6, 2)
        .variable("conv/weights", GraphBuilder.random(1, 0.5f, 0f, 3, 3, 2, 4))
        .variable("conv/biases", GraphBuilder.random(2, 0.1f, 0f, 4))
        .conv2d("conv/Conv2D", "x", "conv/weights", "SAME")
        .biasAdd("conv/BiasAdd", "conv/Conv2D", "conv/biases")
        .op("Relu6", "conv/Relu6", "conv/BiasAdd")
        .op("Identity", "out", "conv/Relu6")
        .build();
  }

  @Test
  void placesWeightAndActivationQuantizersWithEmaRangesAndDelay() {
    PassContext ctx = new PassContext();
    TfGraph g = Fixtures.run(new InsertFakeQuantTrain(true, true, 2, 0.9f), model(), ctx);
    assertThat(ctx.get("weights")).isEqualTo(1);
    assertThat(ctx.get("activations")).isEqualTo(2);
    assertThat(g.op("conv/weights_quant")).isEqualTo("FakeQuantWithMinMaxVarsPerChannel");
    assertThat(g.node("conv/Conv2D").getInput(1)).isEqualTo("conv/weights_quant/delayed_quant");
    assertThat(g.node("conv/weights_quant/delayed_quant").getInput(1))
        .isEqualTo("conv/weights_quant");
    assertThat(g.node("conv/act_quant").getInput(0)).isEqualTo("conv/Relu6");
    assertThat(g.node("out").getInput(0)).isEqualTo("conv/act_quant/delayed_quant");
    assertThat(g.node("conv/Conv2D").getInput(0)).isEqualTo("x_quant/delayed_quant");
    assertThat(g.op("conv/act_quant/min")).isEqualTo("VariableV2");
    assertThat(g.op("conv/act_quant/min_value")).isEqualTo("StopGradient");
  }

  @Test
  void runsFloatDuringTheDelayThenFakeQuantWithTrackedRanges() {
    TfGraph g = new InsertFakeQuantTrain(true, true, 2, 0.5f).apply(model(), new PassContext());
    Map<String, FloatTensor> x = Fixtures.input("x", 3, 2, 6, 6, 2);
    FloatTensor floatOut = GraphRunner.runOnce(model(), x, List.of("out")).get(0);
    try (GraphRunner r = new GraphRunner(g)) {
      FloatTensor step1 = r.run(x, List.of("out")).get(0);
      assertThat(Fixtures.maxDiff(floatOut, step1)).isEqualTo(0f);
      FloatTensor max = r.run(Map.of(), List.of("conv/act_quant/max")).get(0);
      float batchMax = 0;
      for (float v : floatOut.values()) {
        batchMax = Math.max(batchMax, v);
      }
      assertThat(max.get(0)).isEqualTo(batchMax); // initialised from the first batch
      FloatTensor step2 = r.run(x, List.of("out")).get(0);
      assertThat(Fixtures.maxDiff(floatOut, step2)).isGreaterThan(0f).isLessThan(0.1f);
      float scale = batchMax / 255f;
      for (float v : step2.values()) {
        float q = v / scale;
        assertThat(Math.abs(q - Math.round(q))).isLessThan(1e-2f);
      }
    }
  }

  @Test
  void gradientsFlowStraightThroughToTheWeightsOnly() {
    FakeQuantGradients.register();
    TfGraph g = new InsertFakeQuantTrain(true, true, 0, 0.9f).apply(model(), new PassContext());
    try (GraphRunner r = new GraphRunner(g)) {
      var graph = r.graph();
      var tf = org.tensorflow.op.Ops.create(graph);
      @SuppressWarnings("unchecked")
      Output<TFloat32> out = (Output<TFloat32>) (Output<?>) graph.operation("out").output(0);
      var loss = tf.math.mean(tf.math.square(out), tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] grads =
          graph.addGradients(
              loss.asOutput(),
              new Output<?>[] {
                graph.operation("conv/weights").output(0),
                graph.operation("conv/act_quant/min").output(0)
              });
      assertThat(grads[1] == null || grads[1].isClosed()).isTrue();
      try (TFloat32 xt = GraphRunner.toTensor(GraphBuilder.random(4, 1f, 0f, 2, 6, 6, 2));
          Result res = r.session().runner().feed("x", xt).fetch(grads[0]).run()) {
        FloatTensor gw = GraphRunner.toFloat((TFloat32) res.get(0));
        float norm = 0;
        for (float v : gw.values()) {
          norm += Math.abs(v);
        }
        assertThat(norm).isGreaterThan(0f).isFinite();
      }
    }
  }
}
