package org.edgetpu4j.validator.report;

import java.util.Locale;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.validator.EdgeTpuPrediction;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.OpReport;
import org.edgetpu4j.validator.Report;

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, no external resources): the
 * summary, a picture of the operator graph coloured by Edge TPU or CPU, the operator table and the
 * findings.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Renders {@code r}; the graph shows operators only (no tensor names, inputs or outputs). */
  public static String render(Report r) {
    return render(r, Optional.empty());
  }

  /**
   * Renders {@code r}, the report of {@code model}: the graph also draws the model's inputs and
   * outputs and describes every tensor.
   */
  public static String render(Report r, Model model) {
    return render(r, Optional.of(model));
  }

  private static String render(Report r, Optional<Model> model) {
    EdgeTpuPrediction p = r.edgetpu();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>edgetpu4j check: ")
        .append(escape(r.modelName()))
        .append("</title>\n")
        .append("<style>body{font-family:sans-serif;margin:1.5em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;font-size:13px;text-align:left;vertical-align:top}")
        .append(".ERROR{color:#b00020;font-weight:bold}.WARNING{color:#a15c00}.INFO{color:#555}")
        .append(".ok{color:#2e7d32;font-weight:bold}.bad{color:#b00020;font-weight:bold}")
        .append(".sw{display:inline-block;width:12px;height:12px;border:1px solid #333;")
        .append("margin:0 4px 0 12px}</style></head><body>\n");
    sb.append("<h1>edgetpu4j check: ").append(escape(r.modelName())).append("</h1>\n<ul>\n");
    sb.append("<li>Edge TPU compatible: ")
        .append(verdict(r.edgetpuCompatible()))
        .append(" (mapping ")
        .append(p.mapping().name().toLowerCase(Locale.ROOT))
        .append(", ")
        .append(p.opsOnEdgeTpu())
        .append(" of ")
        .append(r.ops().size())
        .append(" operations on the Edge TPU)</li>\n");
    for (String e : p.compileErrors()) {
      sb.append("<li class=\"bad\">Compilation would fail: ").append(escape(e)).append("</li>\n");
    }
    sb.append("<li>TFLite runtime needed: ")
        .append(escape(r.minRuntimeVersion()))
        .append("; target ")
        .append(escape(r.target().runtime().map(Object::toString).orElse("any")))
        .append(": ")
        .append(verdict(r.loadsOnTarget()))
        .append("</li>\n");
    sb.append("<li>Edge TPU runtime ")
        .append(r.target().edgetpuRuntime())
        .append(", compiler ")
        .append(escape(r.target().compiler().toString()))
        .append("; parameters on Edge TPU operators: ")
        .append(TextReport.size(p.parameterBytes()))
        .append("</li>\n</ul>\n");
    sb.append("<h2>Edge TPU parameters and package</h2>\n<ul>\n");
    for (String line : PackageSummary.lines(r)) {
      sb.append("<li>").append(escape(line)).append("</li>\n");
    }
    sb.append("</ul>\n");
    sb.append("<h2>Graph</h2>\n<p>")
        .append("<span class=\"sw\" style=\"background:#4caf50\"></span>Edge TPU")
        .append("<span class=\"sw\" style=\"background:#ff9800\"></span>CPU (cannot map)")
        .append("<span class=\"sw\" style=\"background:#9e9e9e\"></span>CPU (after the first")
        .append(" unmappable operation, or model not compiled)")
        .append("<span class=\"sw\" style=\"background:#90caf9;border-radius:6px\"></span>")
        .append("model input or output. Hover over a box or an arrow for its tensors;")
        .append(" click an operation for its row below.</p>\n<div style=\"overflow:auto\">");
    sb.append(GraphSvg.render(r.ops(), model)).append("</div>\n");
    sb.append("<h2>Operations</h2>\n<table><tr><th>#</th><th>Operator</th><th>Version</th>")
        .append("<th>Needs</th><th>Min runtime</th><th>Edge TPU status</th><th>Reason</th></tr>\n");
    for (OpReport op : r.ops()) {
      sb.append("<tr id=\"op-")
          .append(op.index())
          .append("\"><td>")
          .append(op.index())
          .append("</td><td>")
          .append(escape(op.opcode()))
          .append("</td><td>v")
          .append(op.version())
          .append("</td><td>")
          .append(
              op.requiredVersion() > 0
                  ? "v" + op.requiredVersion() + ": " + escape(op.versionReason())
                  : "")
          .append("</td><td>")
          .append(escape(op.minRuntime()))
          .append("</td><td style=\"color:")
          .append(GraphSvg.colour(op.edgetpuStatus()))
          .append("\">")
          .append(escape(op.edgetpuStatus().text()))
          .append("</td><td>")
          .append(escape(op.reason()))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Findings</h2>\n");
    if (r.findings().isEmpty()) {
      sb.append("<p>No findings.</p>\n");
    } else {
      sb.append("<table><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th>")
          .append("<th>Hint</th></tr>\n");
      for (Finding f : r.findings()) {
        sb.append("<tr><td class=\"")
            .append(f.severity())
            .append("\">")
            .append(f.severity())
            .append("</td><td>")
            .append(escape(f.ruleId()))
            .append("<br><small>")
            .append(escape(f.docPage()))
            .append("</small></td><td>")
            .append(escape(f.location()))
            .append("</td><td>")
            .append(escape(f.message()))
            .append("</td><td>")
            .append(escape(f.hint()))
            .append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static String verdict(boolean ok) {
    return ok ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">no</span>";
  }

  /** Escapes text for HTML element content and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
