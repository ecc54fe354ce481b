package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}: our interpreter and both TFLite variants, medians and ratios; bad options exit 2.
 */
class BenchCommandTest {
  @TempDir Path dir;

  private static final Pattern LINE =
      Pattern.compile("(?m)^  (\\S.*?)\\s+median\\s+([0-9.]+) us\\s+ours/this\\s+([0-9.]+)");

  @Test
  void printsOurMedianAndBothTfliteMediansWithRatios() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("mnist_cnn_int8");
    Path model = Files.write(dir.resolve("mnist.tflite"), c.model());
    Path input = Files.write(dir.resolve("in.bin"), c.samples().get(0).inputs().get(0).bytes());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "bench",
              model.toString(),
              "--input",
              input.toString(),
              "--runs",
              "7",
              "--warmup",
              "3",
              "--warmup-seconds",
              "0"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).startsWith("mnist.tflite");
    Matcher m = LINE.matcher(text);
    java.util.List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1).trim());
      double median = Double.parseDouble(m.group(2));
      double ratio = Double.parseDouble(m.group(3));
      assertThat(median).isPositive();
      assertThat(ratio).isPositive();
    }
    assertThat(names)
        .containsExactly("edgetpu4j-cpu", TfliteBaseline.BUILTIN, TfliteBaseline.XNNPACK);
    assertThat(text).doesNotContain("failed");
    assertThat(text.lines().filter(l -> l.contains("(7 runs)")).count()).isEqualTo(3);
  }

  @Test
  void zeroRunsIsAUsageError() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("mnist_cnn_int8");
    Path model = Files.write(dir.resolve("mnist.tflite"), c.model());
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"bench", model.toString(), "--runs", "0"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--runs must be at least 1");
  }
}
