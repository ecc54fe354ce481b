package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.report.HtmlReport;
import org.edgetpu4j.validator.report.JsonReport;
import org.edgetpu4j.validator.report.TextReport;
import org.junit.jupiter.api.Test;

/**
 * Odd but structurally valid models (operators without inputs or outputs, scales without zero
 * points, empty shapes, absent optional inputs everywhere) give findings, never exceptions.
 */
class RobustnessTest {

  static Model model(BuiltinOp code, int[] inputs, int[] outputs, List<Tensor> tensors) {
    Operator op = Operator.of(0, IntArray.of(inputs), IntArray.of(outputs), BuiltinOptions.NONE);
    Subgraph sg = new Subgraph("", tensors, IntArray.empty(), IntArray.empty(), List.of(op));
    return new Model(
        3,
        List.of(OperatorCode.builtin(code, 1)),
        List.of(sg),
        "",
        List.of(Buffer.EMPTY, Buffer.of(new byte[] {1, 2, 3})),
        IntArray.empty(),
        List.of(),
        List.of());
  }

  @Test
  void everyBuiltinWithoutTensorsOrWithOddTensorsIsChecked() {
    QuantParams scaleOnly =
        new QuantParams(
            FloatArray.of(0.5f, 0.25f),
            LongArray.empty(),
            7,
            FloatArray.empty(),
            FloatArray.empty(),
            ByteArray.empty());
    List<Tensor> odd =
        List.of(
            Tensor.of("a", TensorType.INT8, IntArray.empty(), 0, scaleOnly),
            Tensor.of("b", TensorType.INT32, IntArray.of(3), 1, scaleOnly),
            Tensor.of("c", TensorType.UINT8, IntArray.of(0, 5), 0, QuantParams.NONE));
    for (BuiltinOp code : BuiltinOp.values()) {
      for (Model m :
          List.of(
              model(code, new int[0], new int[0], List.of()),
              model(code, new int[] {-1, -1, -1, -1}, new int[0], odd),
              model(code, new int[] {0, 1, 2, 1, 0}, new int[] {2, 0}, odd),
              model(code, new int[] {1, 1}, new int[] {0}, odd))) {
        Report r = Validator.check(m, Target.DEFAULT.withEdgeTpuRuntime(10));
        assertThat(r.ops()).hasSize(1);
        assertThat(TextReport.render(r)).isNotEmpty();
        assertThat(JsonReport.render(r)).isNotEmpty();
        assertThat(HtmlReport.render(r)).isNotEmpty();
      }
    }
  }

  @Test
  void modelWithoutSubgraphsIsReported() {
    Model m =
        new Model(
            3,
            List.of(),
            List.of(),
            "",
            List.of(Buffer.EMPTY),
            IntArray.empty(),
            List.of(),
            List.of());
    Report r = Validator.check(m, Target.DEFAULT);
    assertThat(r.findings("MULTIPLE_SUBGRAPHS")).hasSize(1);
    assertThat(r.edgetpuCompatible()).isFalse();
  }
}
