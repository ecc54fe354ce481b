package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated op-level case under {@code opcases/} (test resources): a tiny model made with the
 * TensorFlow converter and the outputs of TFLite's reference kernels ({@code BUILTIN_REF}). Layout
 * per case: {@code model.tflite}, {@code input_<s>_<i>.bin}, {@code expected_<s>_<o>.bin} and
 * {@code case.json} with {@code inputs} and {@code outputs} ({@code dtype}, {@code shape}) and
 * {@code samples}. Every output must be byte-identical.
 */
class OpCasesTest {
  static Path root() throws Exception {
    return Path.of(OpCasesTest.class.getResource("/opcases").toURI());
  }

  static Stream<String> cases() throws Exception {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      return s
          .filter(p -> p.getFileName().toString().equals("case.json"))
          .map(p -> root.relativize(p.getParent()).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void byteIdenticalToReferenceKernels(String name) throws Exception {
    Path dir = root().resolve(name);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("case.json").toFile());
    Interpreter interpreter =
        Interpreter.load(
            TfliteReader.read(dir.resolve("model.tflite")), InterpreterOptions.defaults());
    int inputs = json.path("inputs").size();
    int outputs = json.path("outputs").size();
    int samples = json.path("samples").asInt(1);
    assertThat(samples).isPositive();
    List<String> diffs = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      List<byte[]> in = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        in.add(Files.readAllBytes(dir.resolve("input_" + s + "_" + i + ".bin")));
      }
      List<byte[]> got = interpreter.run(in);
      assertThat(got).hasSize(outputs);
      for (int o = 0; o < outputs; o++) {
        byte[] want = Files.readAllBytes(dir.resolve("expected_" + s + "_" + o + ".bin"));
        if (!Arrays.equals(got.get(o), want)) {
          diffs.add("sample " + s + " output " + o + " differs");
        }
      }
    }
    assertThat(diffs).as(name).isEmpty();
  }
}
