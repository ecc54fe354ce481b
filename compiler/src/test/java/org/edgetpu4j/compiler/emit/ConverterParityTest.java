package org.edgetpu4j.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.proto.GraphDef;

/**
 * The emitter against the official TFLite converter on the TF1 FakeQuant graphs it converted: same
 * operators and versions, same tensor types, shapes, scales and zero points, same constant bytes,
 * and byte-identical outputs in the real TFLite interpreter.
 */
class ConverterParityTest {
  @ParameterizedTest
  @CsvSource({"tf1_fakequant_int8, INT8, INT8", "tf1_fakequant_uint8, UINT8, UINT8"})
  void emitsWhatTheConverterEmits(
      String name, EmitOptions.Precision precision, EmitOptions.IoType io) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    GraphDef graph = GraphDef.parseFrom(c.file("graph.pb"));
    EmitOptions options =
        new EmitOptions(
            List.of(new EmitOptions.IoSpec("input", new long[] {1, 28, 28, 1})),
            List.of("output"),
            precision,
            io,
            Optional.empty());
    Model ours = TfliteEmitter.emit(graph, options);
    Model official = TfliteReader.read(c.model());

    List<Operator> a = ours.mainSubgraph().operators();
    List<Operator> b = official.mainSubgraph().operators();
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(ours.opcode(a.get(i))).as("op %d", i).isEqualTo(official.opcode(b.get(i)));
      assertThat(a.get(i).builtinOptions())
          .as("op %d options", i)
          .isEqualTo(b.get(i).builtinOptions());
      compareTensors(
          ours,
          official,
          a.get(i).inputs().toArray(),
          b.get(i).inputs().toArray(),
          "op " + i + " input");
      compareTensors(
          ours,
          official,
          a.get(i).outputs().toArray(),
          b.get(i).outputs().toArray(),
          "op " + i + " output");
    }

    byte[] bytes = TfliteWriter.toBytes(ours);
    try (TfliteOracle mine = TfliteOracle.load(bytes, false);
        TfliteOracle theirs = TfliteOracle.load(c.model(), false)) {
      for (ConformanceCases.Sample s : c.samples()) {
        List<byte[]> in = List.of(s.inputs().get(0).bytes());
        List<int[]> shape = List.of(s.inputs().get(0).shape());
        assertThat(mine.run(in, shape).get(0))
            .as("sample %d", s.index())
            .isEqualTo(theirs.run(in, shape).get(0));
      }
    }
  }

  private static void compareTensors(Model ours, Model official, int[] x, int[] y, String what) {
    assertThat(x).as(what + " count").hasSameSizeAs(y);
    for (int j = 0; j < x.length; j++) {
      if (x[j] < 0 || y[j] < 0) {
        assertThat(x[j]).as(what + " " + j).isEqualTo(y[j]);
        continue;
      }
      Tensor t = ours.mainSubgraph().tensor(x[j]);
      Tensor u = official.mainSubgraph().tensor(y[j]);
      String at = what + " " + j + " (" + u.name() + ")";
      assertThat(t.type()).as(at + " type").isEqualTo(u.type());
      assertThat(t.shape()).as(at + " shape").isEqualTo(u.shape());
      QuantParams p = t.quantization();
      QuantParams q = u.quantization();
      assertThat(p.scale().length()).as(at + " scales").isEqualTo(q.scale().length());
      for (int k = 0; k < q.scale().length(); k++) {
        assertThat((double) p.scale().get(k))
            .as(at + " scale " + k)
            .isCloseTo(q.scale().get(k), within(1e-6 * Math.abs(q.scale().get(k))));
      }
      assertThat(p.zeroPoint()).as(at + " zero points").isEqualTo(q.zeroPoint());
      assertThat(ours.data(t)).as(at + " data").isEqualTo(official.data(u));
    }
  }

  static List<String> names(Model m) {
    List<String> out = new ArrayList<>();
    for (Tensor t : m.mainSubgraph().tensors()) {
      out.add(t.name());
    }
    return out;
  }
}
