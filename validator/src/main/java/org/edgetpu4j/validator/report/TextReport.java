package org.edgetpu4j.validator.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.edgetpu4j.validator.EdgeTpuPrediction;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.OpReport;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Severity;

/**
 * The console report: a summary and the {@code Operator / Count / Status} table in the layout of
 * the Edge TPU compiler's log, then every operator with its version facts and our reason, then the
 * findings, each ending with its documentation page.
 */
public final class TextReport {
  private TextReport() {}

  /** Renders {@code r}. */
  public static String render(Report r) {
    StringBuilder sb = new StringBuilder();
    EdgeTpuPrediction p = r.edgetpu();
    sb.append("edgetpu4j check: ").append(r.modelName()).append('\n');
    sb.append("TFLite runtime needed: ").append(orDash(r.minRuntimeVersion()));
    if (!r.declaredMinRuntimeVersion().isEmpty()) {
      sb.append(" (model metadata says ").append(r.declaredMinRuntimeVersion()).append(')');
    }
    sb.append('\n');
    sb.append("Target: TFLite runtime ")
        .append(r.target().runtime().map(Object::toString).orElse("any"))
        .append(r.loadsOnTarget() ? " (loads)" : " (does NOT load)")
        .append(", Edge TPU runtime ")
        .append(r.target().edgetpuRuntime())
        .append(", Edge TPU compiler ")
        .append(r.target().compiler())
        .append('\n');
    sb.append("Edge TPU compatible: ")
        .append(r.edgetpuCompatible() ? "yes" : "no")
        .append(" (mapping ")
        .append(p.mapping().name().toLowerCase(Locale.ROOT))
        .append(")\n");
    for (String e : p.compileErrors()) {
      sb.append("Compilation would fail: ").append(e).append('\n');
    }
    sb.append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "Parameters of Edge TPU operators: %s (on-chip cache about 7.86MiB)%n",
            size(PackageSummary.parameterBytes(r))));
    PackageSummary.lines(r).forEach(l -> sb.append(l).append('\n'));
    sb.append("Number of Edge TPU subgraphs: ").append(p.opsOnEdgeTpu() > 0 ? 1 : 0).append('\n');
    sb.append("Total number of operations: ").append(r.ops().size()).append('\n');
    if (p.opsOnCpu() > 0) {
      sb.append('\n')
          .append(
              "Not all operations are supported by the Edge TPU. A percentage of the model"
                  + " will instead run on the CPU, which is slower.\n");
    }
    sb.append("Number of operations that will run on Edge TPU: ")
        .append(p.opsOnEdgeTpu())
        .append('\n');
    sb.append("Number of operations that will run on CPU: ").append(p.opsOnCpu()).append("\n\n");
    sb.append(String.format(Locale.ROOT, "%-31s%-11s%s%n%n", "Operator", "Count", "Status"));
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (OpReport op : r.ops()) {
      rows.merge(op.opcode() + "\u0000" + op.edgetpuStatus().text(), 1, Integer::sum);
    }
    rows.forEach(
        (k, n) -> {
          String[] parts = k.split("\u0000", 2);
          sb.append(String.format(Locale.ROOT, "%-31s%-11d%s%n", parts[0], n, parts[1]));
        });
    sb.append("\nOperations\n");
    for (OpReport op : r.ops()) {
      sb.append(
          String.format(Locale.ROOT, "Op#%-3d %-24s v%-2d", op.index(), op.opcode(), op.version()));
      if (op.requiredVersion() > 0) {
        sb.append(" (needs v")
            .append(op.requiredVersion())
            .append(": ")
            .append(op.versionReason())
            .append(')');
      }
      if (!op.minRuntime().isEmpty()) {
        sb.append(" runtime ").append(op.minRuntime());
      }
      sb.append("  ").append(op.edgetpuStatus().text());
      if (op.edgetpuStatus() != EdgeTpuStatus.MAPPED && !op.reason().isEmpty()) {
        sb.append(": ").append(op.reason());
      }
      sb.append('\n');
    }
    sb.append('\n');
    if (r.findings().isEmpty()) {
      sb.append("No findings.\n");
    } else {
      long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
      sb.append("Findings (")
          .append(r.errors().size())
          .append(" error(s), ")
          .append(warnings)
          .append(" warning(s), ")
          .append(r.findings().size() - r.errors().size() - warnings)
          .append(" info)\n");
      for (Finding f : r.findings()) {
        sb.append(line(f)).append('\n');
      }
    }
    return sb.toString();
  }

  /** One finding as a console line: severity, rule, location, message, hint, page. */
  public static String line(Finding f) {
    return f.severity()
        + " ["
        + f.ruleId()
        + "] "
        + f.location()
        + ": "
        + f.message()
        + (f.hint().isEmpty() ? "" : "\n    hint: " + f.hint())
        + " (see "
        + f.docPage()
        + ")";
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + ".00B";
    } else if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.2fKiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.2fMiB", bytes / 1048576.0);
  }

  private static String orDash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
