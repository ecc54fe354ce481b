package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}: our interpreter and the native TFLite variants reported by the Python driver (here
 * a stand-in speaking the driver's protocol), medians with spread and ratios; a missing baseline is
 * named; bad options exit 2 with one line.
 */
class BenchCommandTest {
  @TempDir Path dir;

  private static final Pattern LINE =
      Pattern.compile(
          "(?m)^  (\\S.*?)\\s+median\\s+([0-9.]+) us\\s+ours/this\\s+([0-9.]+)\\s+min\\s+([0-9.]+)"
              + "\\s+p90\\s+([0-9.]+) us\\s+\\((\\d+) runs\\)$");

  /** A stand-in for python running the driver: answers like the driver, 1 ms per inference. */
  private Path fakePython() throws Exception {
    Path p = dir.resolve("fake-python");
    Files.writeString(
        p,
        String.join(
            "\n",
            "#!/bin/sh",
            "echo 'runtime faketflite 9.9'",
            "echo 'variants xnnpack builtin'",
            "while read cmd variant n rest; do",
            "  case $cmd in",
            "    warm) echo ok ;;",
            "    time) printf times; i=0; while [ $i -lt $n ]; do printf ' 1000000'; "
                + "i=$((i+1)); done; echo ;;",
            "    quit) exit 0 ;;",
            "  esac",
            "done",
            ""));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  private int bench(StringWriter out, StringWriter err, String... extra) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("mnist_cnn_int8");
    Path model = Files.write(dir.resolve("mnist.tflite"), c.model());
    Path input = Files.write(dir.resolve("in.bin"), c.samples().get(0).inputs().get(0).bytes());
    List<String> args = new ArrayList<>(List.of("bench", model.toString()));
    args.addAll(List.of(extra));
    String[] defaults = {"--input", input.toString(), "--runs", "7", "--warmup", "3"};
    for (int i = 0; i < defaults.length; i += 2) {
      if (!args.contains(defaults[i])) {
        args.addAll(List.of(defaults[i], defaults[i + 1]));
      }
    }
    args.addAll(List.of("--warmup-seconds", "0"));
    return Main.run(
        args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsOursAndBothNativeVariantsWithSpreadAndRatios() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = bench(out, err, "--tflite-python", fakePython().toString(), "--threads", "2");
    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).startsWith("mnist.tflite  (2 threads, 7 runs in 7 interleaved rounds");
    Matcher m = LINE.matcher(text);
    List<String> names = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1).trim());
      ratios.add(Double.parseDouble(m.group(3)));
      assertThat(Double.parseDouble(m.group(4)))
          .isLessThanOrEqualTo(Double.parseDouble(m.group(2)));
      assertThat(Double.parseDouble(m.group(5)))
          .isGreaterThanOrEqualTo(Double.parseDouble(m.group(2)));
      assertThat(m.group(6)).isEqualTo("7");
    }
    assertThat(names).hasSize(3);
    assertThat(names.get(0)).startsWith("edgetpu4j-cpu");
    assertThat(names.subList(1, 3))
        .containsExactly(
            "faketflite 9.9 XNNPACK (default delegate)", "faketflite 9.9 builtin (no delegate)");
    assertThat(text).contains("1000.0 us");
    assertThat(ratios.get(0)).isEqualTo(1.0);
    assertThat(err.toString()).contains("bench: warming up faketflite").contains("round 7/7");
  }

  @Test
  void aPythonThatCannotBeStartedIsOneLineAndExit2() throws Exception {
    StringWriter err = new StringWriter();
    int code =
        bench(new StringWriter(), err, "--tflite-python", dir.resolve("no-such-python").toString());
    assertThat(code).isEqualTo(2);
    String last = err.toString().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("edgetpu4j bench: --tflite-python ").contains("cannot start");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void zeroRunsIsAUsageError() throws Exception {
    StringWriter err = new StringWriter();
    int code = bench(new StringWriter(), err, "--runs", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--runs and --rounds must be at least 1");
  }

  @Test
  void zeroThreadsIsAUsageError() throws Exception {
    StringWriter err = new StringWriter();
    int code = bench(new StringWriter(), err, "--threads", "0");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--threads must be in [1, 256], got 0");
  }
}
