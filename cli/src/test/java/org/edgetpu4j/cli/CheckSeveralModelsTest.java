package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check A B C}: one report per model, the exit code of the worst. */
class CheckSeveralModelsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private String model(String name) throws Exception {
    Path p = dir.resolve(name + ".tflite");
    Files.write(p, ConformanceCases.load(name).model());
    return p.toString();
  }

  @Test
  void onePassingAndOneFailingModelExitOneWithBothReports() throws Exception {
    Run r = run("check", model("mnist_cnn_int8"), model("op_hard_swish_int8"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("mnist_cnn_int8.tflite").contains("op_hard_swish_int8.tflite");
    assertThat(r.out()).contains("HARD_SWISH");
  }

  @Test
  void anUnreadableModelIsReportedAndTheOthersStillChecked() throws Exception {
    Path junk = Files.write(dir.resolve("junk.tflite"), new byte[] {1, 2, 3});
    Path reports = dir.resolve("reports");
    Run r =
        run(
            "check",
            junk.toString(),
            model("mnist_cnn_int8"),
            "--format",
            "json",
            "--output",
            reports.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("junk.tflite").contains("not a valid TFLite model");
    assertThat(reports.resolve("mnist_cnn_int8.check.json")).exists();
    assertThat(reports.resolve("junk.check.json")).doesNotExist();
  }

  @Test
  void severalHtmlReportsNeedAnOutputDirectory() throws Exception {
    Run r = run("check", model("mnist_cnn_int8"), model("mnist_cnn_int8"), "--format", "html");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("need --output DIR");
  }

  @Test
  void demoRefusesAnExistingOutputDirectory() throws Exception {
    Path existing = Files.createDirectory(dir.resolve("run"));
    Run r = run("demo", "mnist", "--out", existing.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(existing + " already exists");
    assertThat(dir.resolve("run-2")).doesNotExist();
  }
}
