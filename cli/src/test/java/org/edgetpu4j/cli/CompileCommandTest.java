package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompileCommandTest {
  @TempDir Path dir;

  private Path graph(String name) throws Exception {
    Path pb = dir.resolve(name + ".pb");
    Files.write(pb, ConformanceCases.load(name).file("graph.pb"));
    return pb;
  }

  @ParameterizedTest
  @CsvSource({"tf1_fakequant_int8, int8", "tf1_fakequant_uint8, uint8"})
  void compilesTheTf1GraphsAsTheOfficialConverterDid(String name, String type) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    Path pb = graph(name);
    Path out = dir.resolve("out/model.tflite");
    var r =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input:1,28,28,1",
            "--outputs",
            "output",
            "--output",
            out.toString(),
            "--precision",
            type,
            "--input-type",
            type);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Edge TPU: fully compatible");
    Model ours = TfliteReader.read(out);
    Model official = TfliteReader.read(c.model());
    var a = ours.mainSubgraph().operators();
    var b = official.mainSubgraph().operators();
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(ours.opcode(a.get(i))).isEqualTo(official.opcode(b.get(i)));
      for (int k = 0; k < a.get(i).inputs().length(); k++) {
        var t = ours.mainSubgraph().tensor(a.get(i).input(k)).quantization();
        var u = official.mainSubgraph().tensor(b.get(i).input(k)).quantization();
        assertThat(t.zeroPoint()).as("op %d input %d", i, k).isEqualTo(u.zeroPoint());
        for (int q = 0; q < u.scale().length(); q++) {
          assertThat((double) t.scale().get(q))
              .as("op %d input %d scale", i, k)
              .isCloseTo(u.scale().get(q), within(1e-6 * u.scale().get(q)));
        }
      }
    }
    try (TfliteOracle mine = TfliteOracle.load(Files.readAllBytes(out), false);
        TfliteOracle theirs = TfliteOracle.load(c.model(), false)) {
      for (ConformanceCases.Sample s : c.samples()) {
        var in = List.of(s.inputs().get(0).bytes());
        var shape = List.of(s.inputs().get(0).shape());
        assertThat(mine.run(in, shape).get(0)).isEqualTo(theirs.run(in, shape).get(0));
      }
    }
  }

  @Test
  void defaultIsInt8InsideWithUint8InputsAndOutputs() throws Exception {
    Path pb = graph("tf1_fakequant_int8");
    Path out = dir.resolve("model.tflite");
    var r =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Model m = TfliteReader.read(out);
    assertThat(m.mainSubgraph().inputTensor(0).type()).isEqualTo(TensorType.UINT8);
    assertThat(m.mainSubgraph().outputTensor(0).type()).isEqualTo(TensorType.UINT8);
    assertThat(m.opcode(m.mainSubgraph().operators().get(0)).op().name()).isEqualTo("QUANTIZE");
  }

  @Test
  void floatGraphsAreCalibratedFromRepresentativeInputs() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("tf1_dummy_quant_uint8");
    Path pb = dir.resolve("float.pb");
    Files.write(pb, c.file("graph.pb"));
    Path samples = Files.createDirectory(dir.resolve("samples"));
    for (ConformanceCases.Sample s : c.samples()) {
      byte[] pixels = s.inputs().get(0).bytes();
      java.nio.ByteBuffer f =
          java.nio.ByteBuffer.allocate(4 * pixels.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      for (byte p : pixels) {
        f.putFloat((p & 0xFF) / 255f);
      }
      Files.write(samples.resolve("sample" + s.index() + ".bin"), f.array());
    }
    Path out = dir.resolve("ptq.tflite");
    var r =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input:1,28,28,1",
            "--outputs",
            "output",
            "--output",
            out.toString(),
            "--representative",
            samples.toString(),
            "--per-tensor");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("calibrating: 5/5 samples");
    Model m = TfliteReader.read(out);
    assertThat(m.mainSubgraph().tensors())
        .allSatisfy(t -> assertThat(t.quantization().scale().length()).isLessThanOrEqualTo(1));

    var noSamples =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            dir.resolve("x.tflite").toString());
    assertThat(noSamples.exit()).isEqualTo(2);
    assertThat(noSamples.err()).contains("--representative");
  }

  @Test
  void failuresNameTheProblemAndWriteNothing() throws Exception {
    Path pb = graph("tf1_fakequant_int8");
    Path out = dir.resolve("model.tflite");
    var missing =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input",
            "--outputs",
            "nope",
            "--output",
            out.toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("'nope'");

    var badType =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            out.toString(),
            "--input-type",
            "int4");
    assertThat(badType.exit()).isEqualTo(2);
    assertThat(badType.err()).contains("--input-type int4: expected one of");

    var badShape =
        InspectCommandTest.run(
            "compile",
            pb.toString(),
            "--inputs",
            "input:1,x",
            "--outputs",
            "output",
            "--output",
            out.toString());
    assertThat(badShape.exit()).isEqualTo(2);

    var noFile =
        InspectCommandTest.run(
            "compile",
            dir.resolve("none.pb").toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            out.toString());
    assertThat(noFile.exit()).isEqualTo(2);
    Path junk = dir.resolve("junk.pb");
    Files.write(junk, new byte[] {(byte) 0xff, 1, 2, 3, 4, 5, 6, 7});
    var notGraph =
        InspectCommandTest.run(
            "compile",
            junk.toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            out.toString());
    assertThat(notGraph.exit()).isEqualTo(2);
    assertThat(notGraph.err()).contains("is not a binary GraphDef");
    var notSavedModel =
        InspectCommandTest.run(
            "compile",
            dir.toString(),
            "--inputs",
            "input",
            "--outputs",
            "output",
            "--output",
            out.toString());
    assertThat(notSavedModel.exit()).isEqualTo(2);
    assertThat(notSavedModel.err()).contains("without saved_model.pb");
    assertThat(out).doesNotExist();
  }
}
