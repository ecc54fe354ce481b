package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InspectCommandTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(exit, out.toString(), err.toString());
  }

  static Stream<String> cases() {
    return ConformanceCases.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void jsonNamesEveryOperatorWithTheConvertersVersion(String name) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    Path model = dir.resolve(name + ".tflite");
    Files.write(model, c.model());

    Result r = run("inspect", model.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode ops = json.path("subgraphs").get(0).path("operators");
    JsonNode expected = c.json().path("operators");
    assertThat(ops.size()).isEqualTo(expected.size());
    for (int i = 0; i < ops.size(); i++) {
      String opcode = expected.get(i).path("op").asText();
      assertThat(ops.get(i).path("opcode").asText()).as("op %d", i).isEqualTo(opcode);
      assertThat(ops.get(i).path("version").asInt())
          .as("op %d version", i)
          .isEqualTo(expected.get(i).path("version").asInt());
    }
    assertThat(json.path("fileBytes").asLong()).isEqualTo(c.model().length);

    Result text = run("inspect", model.toString());
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("Op#0 " + expected.get(0).path("op").asText());
  }

  @Test
  void textShowsQuantizationMetadataAndSizes() throws Exception {
    Path model = dir.resolve("m.tflite");
    Files.write(model, ConformanceCases.load("mnist_cnn_int8").model());
    String out = run("inspect", model.toString()).out();
    assertThat(out)
        .contains("min_runtime_version: 1.14.0")
        .contains("q: real = 0.00392157 * (q - -128)")
        .contains("per-channel on dim 0")
        .contains("constant tensor data");
  }

  @Test
  void compiledEdgeTpuPackagesAreRecognised() throws Exception {
    Path model = dir.resolve("dense.tflite");
    Files.write(model, ConformanceCases.edgetpuCompiled("dense_256_edgetpu.tflite"));
    Result r = run("inspect", model.toString(), "--json");
    JsonNode ops = new ObjectMapper().readTree(r.out()).path("edgetpuCustomOps");
    assertThat(ops.size()).isEqualTo(1);
    assertThat(ops.get(0).path("packageBytes").asInt()).isGreaterThan(100_000);
    // The compiler's parameter size recorded beside the pair: 256 x 256 weights + 2,048 bytes.
    assertThat(ops.get(0).path("pkg").path("minRuntimeVersion").asInt()).isEqualTo(14);
    assertThat(ops.get(0).path("pkg").path("executables").size()).isEqualTo(2);
    assertThat(run("inspect", model.toString()).out())
        .contains(
            "package DWN1: minimum Edge TPU runtime 14, 2 executable(s), parameter cache"
                + " 67,584 bytes");
  }

  @Test
  void unreadableInputExitsTwoWithOneLine() throws Exception {
    Path junk = dir.resolve("junk.tflite");
    Files.write(junk, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    Result r = run("inspect", junk.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("not a valid TFLite model").contains("junk.tflite");

    Result missing = run("inspect", dir.resolve("nope.tflite").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");

    Result directory = run("inspect", dir.toString());
    assertThat(directory.exit()).isEqualTo(2);
    assertThat(directory.err()).contains("is a directory; expected a .tflite file");

    assertThat(run("inspect").exit()).isEqualTo(2);
    assertThat(run("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path junk = dir.resolve("junk.tflite");
    Files.write(junk, new byte[] {0, 1, 2});
    Result r = run("inspect", junk.toString(), "--verbose");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("at org.edgetpu4j.tflite.io.TfliteReader");
  }
}
