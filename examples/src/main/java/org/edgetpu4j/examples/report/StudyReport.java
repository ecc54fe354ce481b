package org.edgetpu4j.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.edgetpu4j.tflite.io.TfliteWriter;

/** Renders a {@link StudyResult}: console table, JSON, and a self-contained HTML page. */
public final class StudyReport {
  private StudyReport() {}

  /**
   * The table the demo prints. Everything in it is determined by the data, the configuration and
   * the seed, so a run repeats it digit for digit; times, which depend on the machine, follow on
   * their own line.
   */
  public static String table(StudyResult r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "MNIST study: %,d training / %,d test digits (%s), seed %d%n%n",
            r.trainImages(),
            r.testImages(),
            r.dataSource(),
            r.seed()));
    b.append(
        String.format(
            Locale.ROOT, "%-24s %9s %12s %10s%n", "model", "accuracy", "size", "Edge TPU"));
    for (StudyResult.Row row : r.rows()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-24s %8.2f%% %12s %10s%n",
              row.model(),
              row.accuracyPercent(),
              row.modelBytes() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%,d B", row.modelBytes()),
              row.edgetpuCompatible() == null ? "-" : row.edgetpuCompatible() ? "yes" : "NO"));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%n%-36s %9s %9s %9s %9s %9s%n",
            "outputs compared",
            "max abs",
            "max rel",
            "mean abs",
            "not close",
            "argmax ="));
    for (Agreement a : r.agreements()) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-36s %9.5f %9.4f %9.6f %8.2f%% %8.2f%%%n",
              a.name(),
              a.maxAbsError(),
              a.maxRelError(),
              a.meanAbsError(),
              a.notClosePercent(),
              a.argmaxAgreementPercent()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "(not close: |a - b| > %.5f + %.2f·|b|; int8 outputs"
                + " dequantized; relative error over |b| > %.0e)%n",
            Agreement.ATOL,
            Agreement.RTOL,
            Agreement.REL_FLOOR));
    for (String note : r.notes()) {
      b.append(note).append('\n');
    }
    b.append(times(r)).append('\n');
    return b.toString();
  }

  /** The line of machine-dependent times: CPU milliseconds per image and the whole run. */
  public static String times(StudyResult r) {
    StringBuilder b = new StringBuilder("Times on this machine (not repeatable):");
    for (StudyResult.Row row : r.rows()) {
      if (row.msPerImage() != null) {
        b.append(
            String.format(
                Locale.ROOT, " %s %.3f ms/image on the CPU;", row.model(), row.msPerImage()));
      }
    }
    b.append(String.format(Locale.ROOT, " %.0f s in all.", r.seconds()));
    return b.toString();
  }

  /** The result as JSON (field names as in {@link StudyResult}). */
  public static String json(StudyResult r) throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r);
  }

  /** One HTML page with the table, the training curves and the confusion matrix inline. */
  public static String html(StudyResult r) throws IOException {
    String curves = png(Charts.trainingCurves(r.curves()));
    String confusion =
        r.confusion() == null ? "" : png(Charts.confusion(r.confusion(), r.confusionOf()));
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>edgetpu4j MNIST study"
        + "</title><style>body{font-family:sans-serif;margin:2em;max-width:1000px}"
        + "pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}img{max-width:100%}</style>"
        + "</head><body><h1>MNIST: float vs quantization-aware training</h1>"
        + "<h2>Results</h2><pre>"
        + escape(table(r))
        + "</pre>"
        + "<h2>Training</h2><img alt=\"training curves\" src=\""
        + curves
        + "\">"
        + (confusion.isEmpty()
            ? ""
            : "<h2>Errors of the deployed model</h2>"
                + "<img alt=\"confusion matrix\" src=\""
                + confusion
                + "\">")
        + "</body></html>\n";
  }

  /** Writes report.txt, report.json and report.html (plus the PNGs) into {@code dir}. */
  public static void write(StudyResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    atomically(dir.resolve("report.txt"), table(r).getBytes(StandardCharsets.UTF_8));
    atomically(dir.resolve("report.json"), json(r).getBytes(StandardCharsets.UTF_8));
    atomically(dir.resolve("training-curves.png"), Charts.trainingCurves(r.curves()));
    if (r.confusion() != null) {
      atomically(
          dir.resolve("confusion-matrix.png"), Charts.confusion(r.confusion(), r.confusionOf()));
    }
    atomically(dir.resolve("report.html"), html(r).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes through a temporary file and a rename ({@link TfliteWriter#writeAtomically}). */
  public static void atomically(Path path, byte[] bytes) throws IOException {
    TfliteWriter.writeAtomically(path, bytes);
  }

  private static String png(byte[] bytes) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
