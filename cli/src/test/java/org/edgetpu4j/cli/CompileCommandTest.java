package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.compiler.emit.TfliteEmitter;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
  @TempDir Path dir;

  private Path graph(String name) throws Exception {
    Path pb = dir.resolve(name + ".pb");
    Files.write(pb, ConformanceCases.load(name).file("graph.pb"));
    return pb;
  }

  @Test
  void compilesTheTf1GraphToTheLibrarysModel() throws Exception {
    Path pb = graph("tf1_fakequant_uint8");
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
            "uint8",
            "--input-type",
            "uint8");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("CONV_2D v1 x2").contains("output output UINT8 [1, 10]");
    Model expected =
        TfliteEmitter.compile(
                pb,
                new EmitOptions(
                    List.of(new EmitOptions.IoSpec("input", new long[] {1, 28, 28, 1})),
                    List.of("output"),
                    EmitOptions.Precision.UINT8,
                    EmitOptions.IoType.UINT8,
                    Optional.empty()))
            .model();
    assertThat(Files.readAllBytes(out)).isEqualTo(TfliteWriter.toBytes(expected));
    assertThat(r.out()).contains("Edge TPU: fully compatible");
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
    assertThat(missing.err()).contains("no node 'nope'");

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
    assertThat(out).doesNotExist();
  }
}
