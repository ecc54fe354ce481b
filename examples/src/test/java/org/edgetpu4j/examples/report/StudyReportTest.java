package org.edgetpu4j.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {
  static StudyResult sample() {
    int[][] confusion = new int[10][10];
    for (int i = 0; i < 10; i++) {
      confusion[i][i] = 190;
      confusion[i][(i + 1) % 10] = 10;
    }
    return new StudyResult(
        "embedded subset",
        8000,
        2000,
        42,
        List.of(
            new StudyResult.Row("float", 97.5, null, null, null, null),
            new StudyResult.Row("QAT int8", 97.4, 12_345L, 0.21, true, "qat.tflite")),
        List.of(
            new StudyResult.Curve(
                "float", 1, List.of(0.5, 0.2), List.of(90.0, 96.0), List.of(92.0, 97.0))),
        List.of(Agreement.of("a vs b", new float[] {0.1f, 0.9f}, new float[] {0.1f, 0.8f}, 2)),
        confusion,
        "QAT int8",
        List.of("Coral: none attached"),
        12.5);
  }

  @Test
  void agreementMetrics() {
    Agreement a =
        Agreement.of(
            "x", new float[] {0.5f, 0.5f, 0.9f, 0.1f}, new float[] {0.4f, 0.6f, 0.9f, 0.1f}, 2);
    assertThat(a.maxAbsError()).isCloseTo(0.1, within(1e-6));
    assertThat(a.maxRelError()).isCloseTo(0.25, within(1e-6));
    assertThat(a.meanAbsError()).isCloseTo(0.05, within(1e-6));
    assertThat(a.notClosePercent()).isEqualTo(50.0);
    assertThat(a.argmaxAgreementPercent()).isEqualTo(50.0); // ties go to the first class
  }

  @Test
  void writesTableJsonHtmlAndPictures(@TempDir Path dir) throws Exception {
    StudyResult r = sample();
    StudyReport.write(r, dir);
    assertThat(Files.readString(dir.resolve("report.txt")))
        .contains("QAT int8")
        .contains("97.40%")
        .contains("12,345 B")
        .contains("Coral: none attached");
    var json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(json.path("rows").get(1).path("accuracyPercent").asDouble()).isEqualTo(97.4);
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("data:image/png;base64,")
        .contains("confusion matrix");
    byte[] png = Files.readAllBytes(dir.resolve("confusion-matrix.png"));
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(Files.size(dir.resolve("training-curves.png"))).isGreaterThan(1000);
  }
}
