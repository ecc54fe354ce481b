package org.edgetpu4j.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.InsertCalibratedFakeQuant.Range;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.NodeDef;

class InsertCalibratedFakeQuantTest {
  @Test
  void matchesExpectedGraphAfterConstantFolding() {
    TfGraph before =
        new GraphBuilder()
            .placeholder("x", 1, 4)
            .constant("fc/weights", FloatTensor.of(new float[] {1, -2, 0.5f, 4, -1, 3, 2, 0}, 4, 2))
            .matMul("fc/MatMul", "x", "fc/weights")
            .op("Relu", "fc/Relu", "fc/MatMul")
            .build();
    Map<String, Range> ranges = Map.of("x", new Range(0.5f, 2f), "fc/Relu", new Range(0f, 7f));
    TfGraph after =
        new PassManager()
            .add(new InsertCalibratedFakeQuant(ranges, true, true))
            .add(new FoldConstants())
            .verifyEach(true)
            .run(before)
            .graph();
    TfGraph expected =
        new GraphBuilder()
            .placeholder("x", 1, 4)
            .constant("fc/weights", FloatTensor.of(new float[] {1, -2, 0.5f, 4, -1, 3, 2, 0}, 4, 2))
            .matMul("fc/MatMul", "x_quant", "fc/weights_quant")
            .op("Relu", "fc/Relu", "fc/MatMul")
            .node(Nodes.scalar("fc/weights_quant/max", 4f))
            .node(Nodes.scalar("fc/weights_quant/min", -4f))
            .node(
                Nodes.fakeQuant(
                    "fc/weights_quant",
                    "fc/weights",
                    "fc/weights_quant/min",
                    "fc/weights_quant/max",
                    false,
                    true))
            .node(Nodes.scalar("x_quant/min", 0f))
            .node(Nodes.scalar("x_quant/max", 2f))
            .node(Nodes.fakeQuant("x_quant", "x", "x_quant/min", "x_quant/max", false, false))
            .node(Nodes.scalar("fc/act_quant/min", 0f))
            .node(Nodes.scalar("fc/act_quant/max", 7f))
            .node(
                Nodes.fakeQuant(
                    "fc/act_quant",
                    "fc/Relu",
                    "fc/act_quant/min",
                    "fc/act_quant/max",
                    false,
                    false))
            .build();
    assertThat(after.difference(expected)).isEmpty();
  }

  @Test
  void placesFakeQuantLikeTheTf1ConverterInputAndComputesTheSameOutputs() {
    TfGraph reference = TfGraph.parse(ConformanceCases.load("tf1_fakequant_int8").file("graph.pb"));
    TfGraph plain = TfGraph.parse(ConformanceCases.load("tf1_dummy_quant_uint8").file("graph.pb"));
    Map<String, Range> ranges = new HashMap<>();
    for (NodeDef n : reference.nodes()) {
      if (n.getOp().equals("FakeQuantWithMinMaxVars") && !n.getName().contains("weights")) {
        ranges.put(
            realInput(reference, n.getInput(0)),
            new Range(
                reference.constValue(realInput(reference, n.getInput(1))).get(0),
                reference.constValue(realInput(reference, n.getInput(2))).get(0)));
      }
    }
    TfGraph ours =
        new PassManager()
            .add(new InsertCalibratedFakeQuant(ranges, false, true))
            .add(new FoldConstants())
            .run(plain)
            .graph();
    int compared = 0;
    for (NodeDef fq : reference.nodes()) {
      if (!fq.getOp().startsWith("FakeQuant")) {
        continue;
      }
      NodeDef mine = ours.node(fq.getName());
      assertThat(mine.getOp()).isEqualTo(fq.getOp());
      assertThat(mine.getAttrMap()).isEqualTo(fq.getAttrMap());
      assertThat(realInput(ours, mine.getInput(0))).isEqualTo(realInput(reference, fq.getInput(0)));
      assertThat(consumers(ours, mine.getName())).isEqualTo(consumers(reference, fq.getName()));
      compared++;
    }
    assertThat(compared).isEqualTo(7);
    ConformanceCases.Sample s = ConformanceCases.load("tf1_fakequant_int8").samples().get(0);
    float[] img = new float[784];
    for (int i = 0; i < 784; i++) {
      img[i] = (s.inputs().get(0).bytes()[i] + 128) / 255f;
    }
    Map<String, FloatTensor> feed = Map.of("input", FloatTensor.of(img, 1, 28, 28, 1));
    FloatTensor want = GraphRunner.runOnce(reference, feed, List.of("output")).get(0);
    FloatTensor got = GraphRunner.runOnce(ours, feed, List.of("output")).get(0);
    assertThat(Fixtures.maxDiff(want, got)).isLessThan(1e-5f);
  }

  @Test
  void missingRangeIsAnErrorNamingTheTensor() {
    TfGraph g = new GraphBuilder().placeholder("x", 1, 2).op("Relu", "r", "x").build();
    assertThatThrownBy(
            () -> new InsertCalibratedFakeQuant(Map.of(), true, true).apply(g, new PassContext()))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("'x'");
  }

  private static String realInput(TfGraph g, String input) {
    NodeDef n = g.producer(input);
    while (n.getOp().equals("Identity")) {
      n = g.producer(n.getInput(0));
    }
    return n.getName();
  }

  private static List<String> consumers(TfGraph g, String node) {
    return g.consumers(node).stream().map(c -> skipIdentity(g, c)).sorted().toList();
  }

  private static String skipIdentity(TfGraph g, String node) {
    NodeDef n = g.node(node);
    return n.getOp().equals("Identity") && !g.consumers(node).isEmpty()
        ? skipIdentity(g, g.consumers(node).get(0))
        : TensorName.nodeOf(n.getName());
  }
}
