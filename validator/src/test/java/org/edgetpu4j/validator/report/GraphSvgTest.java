package org.edgetpu4j.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.junit.jupiter.api.Test;

/**
 * The report's graph: every tensor use is an arrow, model inputs and outputs are drawn, and no
 * arrow runs under a box (MobileNetV2's skip connections included).
 */
class GraphSvgTest {
  private static final String CASE = "mobilenetv2_035_96_int8";

  private static Model model() throws Exception {
    return TfliteReader.read(ConformanceCases.load(CASE).model());
  }

  /** Tensor uses counted from the model itself: activations read by operators, plus outputs. */
  private static int tensorUses(Subgraph sg) {
    java.util.Set<Integer> activations = new java.util.HashSet<>();
    for (int i = 0; i < sg.inputs().length(); i++) {
      activations.add(sg.inputs().get(i));
    }
    for (Operator op : sg.operators()) {
      for (int i = 0; i < op.outputs().length(); i++) {
        activations.add(op.outputs().get(i));
      }
    }
    int uses = sg.outputs().length();
    for (Operator op : sg.operators()) {
      for (int i = 0; i < op.inputs().length(); i++) {
        if (activations.contains(op.inputs().get(i))) {
          uses++;
        }
      }
    }
    return uses;
  }

  @Test
  void everyTensorUseIsAnArrowAndInputsAndOutputsAreDrawn() throws Exception {
    Model m = model();
    Report r = Validator.check(m, Target.DEFAULT, CASE);
    Subgraph sg = m.mainSubgraph();
    OpGraph g = OpGraph.of(r.ops(), Optional.of(m));
    assertThat(g.edges()).hasSize(tensorUses(sg));
    assertThat(g.nodes().stream().filter(n -> n.kind() == OpGraph.Kind.INPUT))
        .hasSize(sg.inputs().length());
    assertThat(g.nodes().stream().filter(n -> n.kind() == OpGraph.Kind.OUTPUT))
        .hasSize(sg.outputs().length());
    long adds = r.ops().stream().filter(o -> o.opcode().equals("ADD")).count();
    assertThat(adds).isEqualTo(10);
    String html = HtmlReport.render(r, m);
    assertThat(html.split("<polyline ", -1)).hasSize(g.edges().size() + 1);
    assertThat(html.split("<rect ", -1)).hasSize(g.nodes().size() + 1);
    assertThat(html).contains("input " + sg.inputTensor(0).name());
    assertThat(html).contains("output " + sg.outputTensor(0).name());
    assertThat(html).contains("<a href=\"#op-9\">").contains("<tr id=\"op-9\">");
  }

  @Test
  void arrowsRunDownFromProducerToConsumerAndNeverUnderABox() throws Exception {
    Model m = model();
    OpGraph g = OpGraph.of(Validator.check(m, Target.DEFAULT, CASE).ops(), Optional.of(m));
    GraphLayout l = GraphLayout.of(g);
    for (int e = 0; e < g.edges().size(); e++) {
      OpGraph.Edge edge = g.edges().get(e);
      double[] p = l.routes().get(e);
      double[] from = l.boxes().get(edge.from());
      double[] to = l.boxes().get(edge.to());
      assertThat(p[1])
          .as("edge %d starts at its producer's bottom", e)
          .isCloseTo(from[1] + from[3], within());
      assertThat(p[p.length - 1])
          .as("edge %d ends at its consumer's top", e)
          .isCloseTo(to[1], within());
      for (int k = 0; k + 3 < p.length; k += 2) {
        for (int b = 0; b < l.boxes().size(); b++) {
          assertThat(crosses(p[k], p[k + 1], p[k + 2], p[k + 3], l.boxes().get(b)))
              .as("edge %d segment %d crosses box %d", e, k / 2, b)
              .isFalse();
        }
      }
    }
    for (int a = 0; a < l.boxes().size(); a++) {
      for (int b = a + 1; b < l.boxes().size(); b++) {
        assertThat(overlap(l.boxes().get(a), l.boxes().get(b))).as("boxes %d, %d", a, b).isFalse();
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1.0);
  }

  /** True when an axis-parallel segment passes through the box's interior (1 px margin). */
  private static boolean crosses(double x0, double y0, double x1, double y1, double[] box) {
    double left = box[0] + 1;
    double right = box[0] + box[2] - 1;
    double top = box[1] + 1;
    double bottom = box[1] + box[3] - 1;
    double minX = Math.min(x0, x1);
    double maxX = Math.max(x0, x1);
    double minY = Math.min(y0, y1);
    double maxY = Math.max(y0, y1);
    return maxX > left && minX < right && maxY > top && minY < bottom;
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }
}
