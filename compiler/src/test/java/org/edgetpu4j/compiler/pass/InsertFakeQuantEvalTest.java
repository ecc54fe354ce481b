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

class InsertFakeQuantEvalTest {
  private static TfGraph model() {
    return new GraphBuilder()
        .placeholder("x", -1, 5, 5, 3)
        .variable("dw/weights", GraphBuilder.random(1, 0.5f, 0f, 3, 3, 3, 1))
        .depthwise("dw/depthwise", "x", "dw/weights", "SAME")
        .op("Relu6", "dw/Relu6", "dw/depthwise")
        .op("Identity", "out", "dw/Relu6")
        .build();
  }

  @Test
  void rangeVariablesShareTheTrainingGraphNamesAndFreezeFromItsSession() {
    TfGraph train = new InsertFakeQuantTrain(true, true, 0, 0.5f).apply(model(), new PassContext());
    TfGraph eval = Fixtures.run(new InsertFakeQuantEval(true, true), model(), new PassContext());
    assertThat(eval.op("dw/weights_quant")).isEqualTo("FakeQuantWithMinMaxVarsPerChannel");
    for (String v : List.of("x_quant/min", "x_quant/max", "dw/act_quant/min", "dw/act_quant/max")) {
      assertThat(eval.op(v)).isEqualTo("VariableV2");
      assertThat(train.op(v)).isEqualTo("VariableV2");
    }
    Map<String, FloatTensor> x = Fixtures.input("x", 2, 2, 5, 5, 3);
    try (GraphRunner t = new GraphRunner(train)) {
      FloatTensor trained = null;
      for (int i = 0; i < 3; i++) {
        trained = t.run(x, List.of("out")).get(0);
      }
      TfGraph frozen =
          new PassManager()
              .add(new Prune(List.of("out")))
              .add(new FreezeVariables(VariableSource.of(t.session())))
              .add(new FoldConstants())
              .verifyEach(true)
              .run(eval)
              .graph();
      FloatTensor evalOut = GraphRunner.runOnce(frozen, x, List.of("out")).get(0);
      FloatTensor range = t.run(Map.of(), List.of("dw/act_quant/max")).get(0);
      assertThat(frozen.constValue("dw/act_quant/max")).isEqualTo(range);
      // the same input, ranges and weights: the eval graph reproduces the training forward pass
      assertThat(Fixtures.maxDiff(trained, evalOut)).isLessThan(1e-5f);
    }
  }

  @Test
  void frozenWeightQuantizerIsConstantRangeOverConstantWeights() {
    TfGraph frozenModel =
        new GraphBuilder()
            .placeholder("x", 1, 2)
            .constant("fc/weights", FloatTensor.of(new float[] {0.5f, -3f}, 2, 1))
            .matMul("fc/MatMul", "x", "fc/weights")
            .build();
    TfGraph after =
        new PassManager()
            .add(new InsertFakeQuantEval(true, false))
            .add(new Prune(List.of("fc/act_quant")))
            .add(
                new FreezeVariables(
                    name ->
                        java.util.Optional.of(
                            org.edgetpu4j.compiler.graph.TensorProtos.of(
                                FloatTensor.scalar(name.endsWith("min") ? -1f : 2f)))))
            .add(new FoldConstants())
            .run(frozenModel)
            .graph();
    TfGraph expected =
        new GraphBuilder()
            .placeholder("x", 1, 2)
            .constant("fc/weights", FloatTensor.of(new float[] {0.5f, -3f}, 2, 1))
            .matMul("fc/MatMul", "x", "fc/weights_quant")
            .node(Nodes.scalar("fc/weights_quant/max", 3f))
            .node(Nodes.scalar("fc/weights_quant/min", -3f))
            .node(
                Nodes.fakeQuant(
                    "fc/weights_quant",
                    "fc/weights",
                    "fc/weights_quant/min",
                    "fc/weights_quant/max",
                    false,
                    true))
            .node(Nodes.scalar("fc/act_quant/min", -1f))
            .node(Nodes.scalar("fc/act_quant/max", 2f))
            .node(
                Nodes.fakeQuant(
                    "fc/act_quant",
                    "fc/MatMul",
                    "fc/act_quant/min",
                    "fc/act_quant/max",
                    false,
                    false))
            .build();
    assertThat(after.difference(expected)).isEmpty();
  }
}
