package org.edgetpu4j.validator.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.OpReport;

/**
 * Draws the operator graph as inline SVG, laid out by {@link GraphLayout}: model inputs and outputs
 * as blue rounded boxes, operators green on the Edge TPU, orange when they cannot map, grey when
 * cut off after the first unmappable one or not compiled; one arrow per tensor use. Hovering shows
 * an operator's status, reason and tensors (or a tensor's on an arrow); a click on an operator goes
 * to its row in the operations table ({@code #op-N}).
 */
final class GraphSvg {
  private GraphSvg() {}

  static String colour(EdgeTpuStatus s) {
    return switch (s) {
      case MAPPED -> "#4caf50";
      case MORE_THAN_ONE_SUBGRAPH, MODEL_NOT_COMPILED -> "#9e9e9e";
      default -> "#ff9800";
    };
  }

  static String render(List<OpReport> ops) {
    return render(ops, Optional.empty());
  }

  static String render(List<OpReport> ops, Optional<Model> model) {
    OpGraph g = OpGraph.of(ops, model);
    GraphLayout l = GraphLayout.of(g);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\""
                + " height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
                + " aria-label=\"operator graph\" font-family=\"sans-serif\">%n",
            l.width(),
            l.height(),
            l.width(),
            l.height()));
    sb.append(
        "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\""
            + " orient=\"auto\" markerUnits=\"userSpaceOnUse\"><path d=\"M0,0 L8,4 L0,8 z\""
            + " fill=\"#444\"/></marker></defs>\n");
    sb.append(
        "<style>.graph .edge:hover polyline{stroke:#1565c0;stroke-width:3}"
            + ".graph .node:hover rect{stroke-width:3}</style>\n");
    for (int i = 0; i < g.edges().size(); i++) {
      OpGraph.Edge e = g.edges().get(i);
      sb.append("<g class=\"edge\"><title>")
          .append(HtmlReport.escape(e.details()))
          .append("</title><polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.3\"")
          .append(" marker-end=\"url(#arrow)\" points=\"");
      double[] p = l.routes().get(i);
      for (int k = 0; k + 1 < p.length; k += 2) {
        sb.append(String.format(Locale.ROOT, "%s%.1f,%.1f", k == 0 ? "" : " ", p[k], p[k + 1]));
      }
      sb.append("\"/></g>\n");
    }
    for (int i = 0; i < g.nodes().size(); i++) {
      OpGraph.Node n = g.nodes().get(i);
      double[] b = l.boxes().get(i);
      boolean op = n.kind() == OpGraph.Kind.OPERATOR;
      String fill = op ? colour(n.op().edgetpuStatus()) : "#90caf9";
      if (op) {
        sb.append("<a href=\"#op-").append(n.op().index()).append("\">");
      }
      sb.append("<g class=\"node\"><title>")
          .append(HtmlReport.escape(n.details()))
          .append("</title>")
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\""
                      + " fill=\"%s\" stroke=\"#333\"/>",
                  b[0],
                  b[1],
                  b[2],
                  b[3],
                  op ? 5 : 16,
                  fill));
      double cx = b[0] + b[2] / 2;
      boolean two = !n.subtitle().isEmpty();
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\""
                  + " fill=\"#000\">%s</text>",
              cx,
              b[1] + (two ? 15 : 22),
              HtmlReport.escape(n.title())));
      if (two) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10.5\" text-anchor=\"middle\""
                    + " fill=\"#222\">%s</text>",
                cx,
                b[1] + 29,
                HtmlReport.escape(n.subtitle())));
      }
      sb.append("</g>");
      if (op) {
        sb.append("</a>");
      }
      sb.append('\n');
    }
    sb.append("</svg>\n");
    return sb.toString();
  }
}
