package org.edgetpu4j.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.importer.GraphImporter;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

class ModelBiasQuantizationTest {
  @Test
  void roundedBiasesAreTheOfficialConvertersInt32Biases() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("tf1_fakequant_int8");
    TfGraph g =
        GraphImporter.frozenGraph(
                TfGraph.parse(c.file("graph.pb")), List.of(), List.of("output"), 1)
            .graph();
    PassContext ctx = new PassContext();
    TfGraph after = Fixtures.run(new ModelBiasQuantization(), g, ctx);
    assertThat(ctx.get("quantized")).isEqualTo(3);
    Model official = TfliteReader.read(c.model());
    Map<String, String> biasTensors =
        Map.of(
            "conv1/biases", "conv1/Relu;conv1/BiasAdd;conv1/Conv2D;conv1/biases",
            "conv2/biases", "conv2/Relu;conv2/BiasAdd;conv2/Conv2D;conv2/biases",
            "fc/biases", "fc/BiasAdd");
    for (var e : biasTensors.entrySet()) {
      Tensor t =
          official.subgraphs().get(0).tensors().stream()
              .filter(x -> x.name().equals(e.getValue()))
              .findFirst()
              .orElseThrow();
      IntBuffer q =
          official
              .buffers()
              .get(t.buffer())
              .data()
              .asByteBuffer()
              .order(ByteOrder.LITTLE_ENDIAN)
              .asIntBuffer();
      FloatTensor before = g.constValue(e.getKey());
      FloatTensor rounded = after.constValue(e.getKey());
      double scale = t.quantization().scale().get(0);
      for (int i = 0; i < rounded.size(); i++) {
        assertThat(Math.rint(rounded.get(i) / scale)).isEqualTo(q.get(i));
        assertThat(Math.abs(rounded.get(i) - before.get(i)))
            .isLessThanOrEqualTo((float) (scale / 2 * 1.001));
      }
    }
  }
}
