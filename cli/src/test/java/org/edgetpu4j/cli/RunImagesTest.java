package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} on image files with labels: the classifier use of pycoral's classify_image. */
class RunImagesTest {
  private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(-?\\d+\\.\\d{5})$");

  @TempDir Path dir;

  private Path resource(String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = RunImagesTest.class.getResourceAsStream("run/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static List<String[]> scoreLines(String out) {
    List<String[]> lines = new ArrayList<>();
    for (String l : out.split("\n")) {
      Matcher m = LINE.matcher(l.strip());
      if (m.matches()) {
        lines.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return lines;
  }

  @Test
  void mobilenetOnAJpegPrintsTheThreeBestLabelsOfItsOutput() throws Exception {
    Path model = resource("mobilenet_v1_0.25_128_quant.tflite");
    Path labels = resource("imagenet-placeholder-labels.txt");
    Path out = dir.resolve("out");
    Result r =
        run(
            "run",
            model.toString(),
            "--input",
            resource("shapes.jpg").toString(),
            "--labels",
            labels.toString(),
            "--top-k",
            "3",
            "--output-dir",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String[]> top = scoreLines(r.out());
    assertThat(top).hasSize(3);
    // The labels are those of the three largest output bytes (uint8, zero point 0, scale 1/256).
    byte[] raw = Files.readAllBytes(out.resolve("output_0.bin"));
    assertThat(raw).hasSize(1001);
    List<Integer> best =
        IntStream.range(0, raw.length)
            .boxed()
            .sorted(
                Comparator.comparingInt((Integer i) -> -(raw[i] & 0xFF))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(3)
            .toList();
    for (int k = 0; k < 3; k++) {
      assertThat(top.get(k)[0]).isEqualTo("imagenet-class-" + best.get(k));
      assertThat(Double.parseDouble(top.get(k)[1]))
          .isCloseTo((raw[best.get(k)] & 0xFF) / 256.0, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void bmpAndJpegOfTheSameDrawingAgreeOnTheBestClass() throws Exception {
    Path model = resource("mobilenet_v1_0.25_128_quant.tflite");
    Path labels = resource("imagenet-placeholder-labels.txt");
    String jpg =
        scoreLines(
                run(
                        "run",
                        model.toString(),
                        "--input",
                        resource("shapes.jpg").toString(),
                        "--labels",
                        labels.toString(),
                        "--top-k",
                        "1")
                    .out())
            .get(0)[0];
    String bmp =
        scoreLines(
                run(
                        "run",
                        model.toString(),
                        "--input",
                        resource("shapes.bmp").toString(),
                        "--labels",
                        labels.toString(),
                        "--top-k",
                        "1")
                    .out())
            .get(0)[0];
    assertThat(bmp).isEqualTo(jpg);
  }

  @Test
  void mnistModelReadsTheDigitAndTimesEachInference() throws Exception {
    Result r =
        run(
            "run",
            resource("mnist_qat_int8.tflite").toString(),
            "--input",
            resource("digit-2.png").toString(),
            "--labels",
            resource("digit-labels.txt").toString(),
            "--top-k",
            "3",
            "--repeat",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    List<String[]> top = scoreLines(r.out());
    assertThat(top).hasSize(3);
    assertThat(top.get(0)[0]).isEqualTo("two");
    assertThat(Double.parseDouble(top.get(0)[1])).isGreaterThan(Double.parseDouble(top.get(1)[1]));
    assertThat(r.out()).contains("inference 1: ", "inference 3: ", "median of 3: ");
    assertThat(dir.resolve("output_0.bin")).doesNotExist();
  }

  @Test
  void anImageForAnInputThatTakesNoneExitsTwo() throws Exception {
    Path model =
        Files.write(
            dir.resolve("add.tflite"),
            org.edgetpu4j.tflite.testing.ConformanceCases.load("op_add_mul_two_inputs_int8")
                .model());
    Path png = resource("digit-2.png");
    Result r = run("run", model.toString(), "--input", png.toString(), "--input", png.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("digit-2.png: ");
  }
}
