package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devices} and {@code run --device simulated|coral}. */
class CoralCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path resource(String name) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/coral/" + name)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  @Test
  void devicesWithoutACoralSaysSoAndExitsZero() {
    StringWriter out = new StringWriter();
    int code = run(out, new StringWriter(), "devices");
    assertThat(code).isZero();
    assertThat(out.toString())
        .satisfiesAnyOf(
            s -> assertThat(s).startsWith("no Edge TPU found"),
            s -> assertThat(s).contains("/sys/bus/usb/devices/"));
  }

  @Test
  void simulatedRunRecordsTheSameResultsAsLibedgetpu() throws Exception {
    Path model = resource("dense_256_edgetpu.tflite");
    Path fw = resource("apex_latest_single_ep.bin");
    byte[] in = new byte[256];
    for (int j = 0; j < in.length; j++) {
      in[j] = (byte) (j * 7);
    }
    Path input = Files.write(dir.resolve("in.bin"), in);
    Path trace = dir.resolve("t.jsonl");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
            "run",
            model.toString(),
            "--device",
            "simulated",
            "--sim-start",
            "app",
            "--firmware",
            fw.toString(),
            "--repeat",
            "2",
            "--usb-trace",
            trace.toString(),
            "--input",
            input.toString(),
            "--output-dir",
            dir.resolve("o").toString(),
            "--reference",
            resource("dense_256.tflite").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("reference output_0: max difference").contains("top-1");
    String oracle;
    try (InputStream s =
        getClass().getResourceAsStream("/coral/dense_256_edgetpu.app-start.jsonl")) {
      oracle = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(project(Files.readString(trace))).isEqualTo(project(oracle));
    byte[] last = Files.readAllBytes(dir.resolve("o/output_0.bin"));
    assertThat(Files.readString(trace)).contains(java.util.HexFormat.of().formatHex(last));
  }

  /** CSR writes, DMAs (instructions by length) and results, in order. */
  private static List<String> project(String trace) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : trace.split("\n")) {
      JsonNode r = JSON.readTree(line);
      switch (r.path("op").asText()) {
        case "ctrl" -> {
          if (r.path("decoded").path("kind").asText().equals("csr_write")) {
            out.add(
                "w "
                    + r.get("decoded").get("addr").asText()
                    + " "
                    + r.get("decoded").get("value").asText());
          }
        }
        case "dma" ->
            out.add(
                "dma "
                    + r.get("phase").asText()
                    + " "
                    + r.get("tag").asInt()
                    + " "
                    + r.get("len").asInt()
                    + (r.get("tag").asInt() == 0 ? "" : " " + r.get("sha256").asText()));
        case "result" -> out.add("result " + r.get("phase").asText() + " " + r.get("hex").asText());
        default -> {}
      }
    }
    return out;
  }

  @Test
  void coralWithoutDeviceIsOneLineAndExitOne() throws Exception {
    StringWriter err = new StringWriter();
    Path input = Files.write(dir.resolve("in.bin"), new byte[256]);
    int code =
        run(
            new StringWriter(),
            err,
            "run",
            resource("dense_256_edgetpu.tflite").toString(),
            "--device",
            "coral",
            "--input",
            input.toString(),
            "--output-dir",
            dir.resolve("o").toString());
    if (code == 1) {
      assertThat(err.toString().strip()).startsWith("edgetpu4j run: Edge TPU:");
    } else {
      assertThat(code).isZero();
    }
  }
}
