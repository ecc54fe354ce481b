package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated op-level case under the {@code opcases/} test resources (tiny models made with
 * the TFLite converter, goldens from TFLite's reference kernels; generators in {@code
 * scripts/opcases}): each output must be byte-identical to its golden, floats included.
 */
class GeneratedOpCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path root() {
    URL url = GeneratedOpCasesTest.class.getResource("/opcases");
    assertThat(url).as("opcases resource directory").isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs
          .filter(d -> Files.isRegularFile(d.resolve("case.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void casesExist() throws IOException {
    assertThat(cases().count()).as("generated op cases").isGreaterThan(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesReferenceKernels(String name) throws IOException {
    Path dir = root().resolve(name);
    JsonNode meta = JSON.readTree(dir.resolve("case.json").toFile());
    Model model = TfliteReader.read(dir.resolve("model.tflite"));
    Interpreter interpreter = Interpreter.load(model);
    int samples = meta.path("samples").asInt();
    int inputs = meta.path("inputs").size();
    int outputs = meta.path("outputs").size();
    assertThat(samples).as(name + " samples").isPositive();
    List<String> failures = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      List<byte[]> ins = new ArrayList<>();
      for (int i = 0; i < inputs; i++) {
        ins.add(Files.readAllBytes(dir.resolve("input_" + s + "_" + i + ".bin")));
      }
      List<byte[]> got = interpreter.run(ins);
      assertThat(got).as(name + " outputs").hasSize(outputs);
      for (int o = 0; o < outputs; o++) {
        byte[] want = Files.readAllBytes(dir.resolve("expected_" + s + "_" + o + ".bin"));
        String dtype = meta.path("outputs").get(o).path("dtype").asText();
        String diff = firstDifference(got.get(o), want, dtype);
        if (diff != null) {
          failures.add("sample " + s + " output " + o + ": " + diff);
        }
      }
    }
    assertThat(failures).as(name).isEmpty();
  }

  /** The first differing element, described, or null when the bytes are identical. */
  static String firstDifference(byte[] got, byte[] want, String dtype) {
    if (got.length != want.length) {
      return got.length + " bytes, want " + want.length;
    }
    int width =
        switch (dtype) {
          case "float32", "int32" -> 4;
          case "int64" -> 8;
          case "int16" -> 2;
          default -> 1;
        };
    java.nio.ByteBuffer g = java.nio.ByteBuffer.wrap(got).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    java.nio.ByteBuffer w = java.nio.ByteBuffer.wrap(want).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int count = 0;
    String first = null;
    for (int k = 0; k + width <= got.length; k += width) {
      boolean same = true;
      for (int b = 0; b < width; b++) {
        same &= got[k + b] == want[k + b];
      }
      if (!same) {
        count++;
        if (first == null) {
          first =
              "element " + k / width + " is " + value(g, k, dtype) + ", want " + value(w, k, dtype);
        }
      }
    }
    return first == null ? null : count + " elements differ, first: " + first;
  }

  private static String value(java.nio.ByteBuffer b, int at, String dtype) {
    return switch (dtype) {
      case "float32" -> Float.toString(b.getFloat(at));
      case "int32" -> Integer.toString(b.getInt(at));
      case "int64" -> Long.toString(b.getLong(at));
      case "int16" -> Short.toString(b.getShort(at));
      case "uint8" -> Integer.toString(b.get(at) & 0xFF);
      default -> Byte.toString(b.get(at));
    };
  }
}
