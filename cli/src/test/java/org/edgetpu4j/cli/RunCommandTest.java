package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}: outputs equal the golden files; refused models exit 1, bad inputs exit 2. */
class RunCommandTest {
  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void writesOutputsEqualToTheGoldens() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("op_add_mul_two_inputs_int8");
    var s = c.samples().get(0);
    Path model = write("m.tflite", c.model());
    Path a = write("a.bin", s.inputs().get(0).bytes());
    Path b = write("b.bin", s.inputs().get(1).bytes());
    Path out = dir.resolve("out");
    int code =
        run(
            new StringWriter(),
            "run",
            model.toString(),
            "--input",
            a.toString(),
            "--input",
            b.toString(),
            "--output-dir",
            out.toString());
    assertThat(code).isZero();
    for (int j = 0; j < s.outputs().size(); j++) {
      assertThat(Files.readAllBytes(out.resolve("output_" + j + ".bin")))
          .isEqualTo(s.outputs().get(j).bytes());
    }
  }

  @Test
  void refusedModelExitsOneAndBadInputExitsTwo() throws Exception {
    ConformanceCases.Case custom = ConformanceCases.load("custom_op_audio_mfcc");
    Path in = write("in.bin", new byte[16]);
    StringWriter err = new StringWriter();
    int refused =
        run(
            err,
            "run",
            write("c.tflite", custom.model()).toString(),
            "--input",
            in.toString(),
            "--output-dir",
            dir.resolve("o1").toString());
    assertThat(refused).isEqualTo(1);
    assertThat(err.toString()).contains("Op#0 CUSTOM:AudioSpectrogram v1");
    ConformanceCases.Case mnist = ConformanceCases.load("mnist_cnn_int8");
    StringWriter err2 = new StringWriter();
    int bad =
        run(
            err2,
            "run",
            write("m.tflite", mnist.model()).toString(),
            "--input",
            in.toString(),
            "--output-dir",
            dir.resolve("o2").toString());
    assertThat(bad).isEqualTo(2);
    assertThat(err2.toString()).contains("needs 784 bytes, got 16");
    assertThat(dir.resolve("o2").resolve("output_0.bin")).doesNotExist();
  }
}
