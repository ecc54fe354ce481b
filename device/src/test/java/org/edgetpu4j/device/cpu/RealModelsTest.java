package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real published models (google-coral/test_data) with goldens of TFLite 2.21's reference kernels:
 * every output of every sample must be byte-identical.
 */
class RealModelsTest {
  static Path root() throws URISyntaxException {
    return Path.of(RealModelsTest.class.getResource("/realmodels").toURI());
  }

  static Stream<String> cases() throws Exception {
    try (Stream<Path> s = Files.list(root())) {
      return s
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void byteIdenticalToReferenceGoldens(String name) throws Exception {
    Path dir = root().resolve(name);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("case.json").toFile());
    Model model = TfliteReader.read(dir.resolve(json.path("model").asText()));
    Interpreter interpreter = Interpreter.load(model, InterpreterOptions.defaults());
    List<String> diffs = new ArrayList<>();
    for (JsonNode sample : json.path("samples")) {
      List<byte[]> inputs = new ArrayList<>();
      for (JsonNode f : sample.path("inputs")) {
        inputs.add(read(dir, f.asText()));
      }
      List<byte[]> outputs = interpreter.run(inputs);
      JsonNode wanted = sample.path("outputs");
      assertThat(outputs).hasSize(wanted.size());
      for (int o = 0; o < outputs.size(); o++) {
        byte[] want = read(dir, wanted.get(o).path("file").asText());
        byte[] got = outputs.get(o);
        if (!java.util.Arrays.equals(got, want)) {
          int differing = 0;
          int first = -1;
          for (int k = 0; k < Math.min(got.length, want.length); k++) {
            if (got[k] != want[k]) {
              differing++;
              first = first < 0 ? k : first;
            }
          }
          diffs.add(
              wanted.get(o).path("file").asText()
                  + ": "
                  + differing
                  + " of "
                  + want.length
                  + " bytes differ (first at "
                  + first
                  + ")");
        }
      }
    }
    assertThat(diffs).as(name).isEmpty();
  }

  private static byte[] read(Path dir, String file) throws IOException {
    return Files.readAllBytes(dir.resolve(file));
  }
}
