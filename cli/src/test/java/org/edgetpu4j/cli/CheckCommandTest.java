package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path model(String name) throws Exception {
    Path p = dir.resolve(name + ".tflite");
    Files.write(p, ConformanceCases.load(name).model());
    return p;
  }

  @Test
  void compatibleModelExitsZero() throws Exception {
    Run r = run("check", model("mnist_cnn_int8").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Mapped to Edge TPU").contains("Operator");
  }

  @Test
  void unsupportedOperatorExitsOne() throws Exception {
    Run r = run("check", model("op_hard_swish_int8").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("EDGETPU_UNSUPPORTED_OP").contains("HARD_SWISH");
  }

  @Test
  void fullyConnectedV4IsTooNewFor1131ButLoadsOn1140() throws Exception {
    Path m = model("op_fc_bias_int8");
    Run old = run("check", m.toString(), "--runtime", "1.13.1");
    assertThat(old.code()).isEqualTo(1);
    assertThat(old.out())
        .contains("OP_VERSION_TOO_NEW")
        .contains("FULLY_CONNECTED v4")
        .contains("input, weights and output are INT8")
        .contains("1.14.0");
    Run ok = run("check", m.toString(), "--runtime", "1.14.0");
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).doesNotContain("OP_VERSION_TOO_NEW");
  }

  @Test
  void jsonReportIsWrittenToTheOutputFile() throws Exception {
    Path report = dir.resolve("out/report.json");
    Run r =
        run(
            "check",
            model("unsupported_exp_midgraph_int8").toString(),
            "--format",
            "json",
            "--output",
            report.toString());
    assertThat(r.code()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.path("edgetpuCompatible").asBoolean()).isFalse();
    assertThat(json.path("ops").get(1).path("opcode").asText()).isEqualTo("EXP");
    assertThat(json.path("findings").size()).isPositive();
    try (var files = Files.list(report.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void htmlReportIsOnePage() throws Exception {
    Run r = run("check", model("mnist_cnn_float_io").toString(), "--format", "html");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
  }

  @Test
  void unreadableModelAndBadOptionsExitTwo() throws Exception {
    Path junk = dir.resolve("junk.tflite");
    Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    Run bad = run("check", junk.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("edgetpu4j check:");
    assertThat(run("check", model("mnist_cnn_int8").toString(), "--runtime", "one").code())
        .isEqualTo(2);
    Run unknown = run("check", model("mnist_cnn_int8").toString(), "--runtime", "2.99.0");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("2.99.0").contains("known: 1.0-1.15, 2.0-");
    assertThat(run("check", model("mnist_cnn_int8").toString(), "--runtime", "2.5.0").code())
        .isNotEqualTo(2);
    assertThat(run("check", model("mnist_cnn_int8").toString(), "--edgetpu-runtime", "9").code())
        .isEqualTo(2);
    assertThat(run("check", model("mnist_cnn_int8").toString(), "--format", "pdf").code())
        .isEqualTo(2);
    assertThat(run("check", dir.resolve("missing.tflite").toString()).code()).isEqualTo(2);
  }
}
