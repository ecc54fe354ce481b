package org.edgetpu4j.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.examples.report.StudyResult;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole study at toy size, so CI runs every step; and the accuracy the CPU reference reports
 * against the real TFLite interpreter's on the same model and images.
 */
class MnistStudyTest {
  @TempDir Path dir;

  @Test
  void toyStudyRunsEveryStepAndWritesItsReport() throws Exception {
    StudyConfig config =
        new StudyConfig(
            Optional.empty(),
            dir.resolve("run"),
            1,
            1,
            640,
            200,
            32,
            2e-3f,
            7,
            EmitOptions.IoType.UINT8,
            50);
    StringWriter text = new StringWriter();
    StudyResult r = new MnistStudy(config, new PrintWriter(text)).run();

    assertThat(r.rows())
        .extracting(StudyResult.Row::model)
        .containsExactly("float", "QAT fake-quant graph", "QAT int8", "PTQ int8");
    for (StudyResult.Row row : r.rows().subList(2, 4)) {
      assertThat(row.edgetpuCompatible()).as(row.model()).isTrue();
      assertThat(row.accuracyPercent()).as(row.model()).isGreaterThan(40);
    }
    assertThat(r.agreements().get(0).argmaxAgreementPercent()).isGreaterThan(95);
    assertThat(text.toString()).contains("QAT int8").contains("argmax =");
    Path run = dir.resolve("run");
    for (String f :
        List.of(
            "report.txt",
            "report.json",
            "report.html",
            "qat_int8.tflite",
            "ptq_int8.tflite",
            "qat_int8.check.txt",
            "confusion-matrix.png")) {
      assertThat(run.resolve(f)).exists();
    }

    // a second run never reuses the first one's directory
    StudyConfig again =
        new StudyConfig(
            Optional.empty(),
            dir.resolve("run"),
            1,
            1,
            64,
            10,
            32,
            2e-3f,
            7,
            EmitOptions.IoType.INT8,
            10);
    new MnistStudy(again, new PrintWriter(new StringWriter())).run();
    assertThat(dir.resolve("run-2").resolve("report.txt")).exists();
    assertThat(Files.readString(run.resolve("report.txt"))).contains("640 training");

    // the CPU reference scores the compiled model exactly as the real TFLite interpreter does
    Model model = TfliteReader.read(run.resolve("qat_int8.tflite"));
    Images test = Images.of(MnistData.embedded().test(), 200);
    Interpreter cpu = Interpreter.load(model);
    List<Integer> ours = new ArrayList<>();
    List<Integer> tflite = new ArrayList<>();
    try (TfliteOracle oracle =
        TfliteOracle.load(Files.readAllBytes(run.resolve("qat_int8.tflite")), false)) {
      for (int i = 0; i < test.size(); i++) {
        byte[] in = cpu.quantizeInput(0, test.image(i));
        byte[] a = cpu.run(List.of(in)).get(0);
        byte[] b = oracle.run(List.of(in), List.of(new int[] {1, 28, 28, 1})).get(0);
        // TFLite's optimized kernels may round an output one step away from the reference
        for (int k = 0; k < a.length; k++) {
          assertThat(Math.abs((a[k] & 0xFF) - (b[k] & 0xFF)))
              .as("image %d output %d", i, k)
              .isLessThanOrEqualTo(1);
        }
        ours.add(Evaluation.argmax(cpu.dequantizeOutput(0, a), 0));
        tflite.add(Evaluation.argmax(cpu.dequantizeOutput(0, b), 0));
      }
    }
    long correctOurs = countCorrect(ours, test);
    long correctTflite = countCorrect(tflite, test);
    assertThat(correctOurs).isEqualTo(correctTflite);
  }

  private static long countCorrect(List<Integer> predictions, Images test) {
    long n = 0;
    for (int i = 0; i < predictions.size(); i++) {
      n += predictions.get(i) == test.labels()[i] ? 1 : 0;
    }
    return n;
  }
}
