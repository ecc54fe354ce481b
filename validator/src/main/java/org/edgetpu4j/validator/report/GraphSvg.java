package org.edgetpu4j.validator.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.OpReport;

/**
 * Draws the operator graph as inline SVG: one box per operator, rows by dependency depth, arrows
 * along tensors, green for the Edge TPU, orange for operators that cannot map, grey for operators
 * cut off after the first unmappable one or not compiled.
 */
final class GraphSvg {
  static final int BOX_W = 190;
  static final int BOX_H = 38;
  static final int GAP_X = 24;
  static final int GAP_Y = 30;

  private GraphSvg() {}

  static String colour(EdgeTpuStatus s) {
    return switch (s) {
      case MAPPED -> "#4caf50";
      case MORE_THAN_ONE_SUBGRAPH, MODEL_NOT_COMPILED -> "#9e9e9e";
      default -> "#ff9800";
    };
  }

  static String render(List<OpReport> ops) {
    Map<Integer, Integer> producer = new HashMap<>();
    for (OpReport op : ops) {
      for (int t : op.outputs()) {
        producer.put(t, op.index());
      }
    }
    int[] depth = new int[ops.size()];
    List<List<Integer>> rows = new ArrayList<>();
    for (OpReport op : ops) {
      int d = 0;
      for (int t : op.inputs()) {
        Integer p = producer.get(t);
        if (p != null && p < op.index()) {
          d = Math.max(d, depth[p] + 1);
        }
      }
      depth[op.index()] = d;
      while (rows.size() <= d) {
        rows.add(new ArrayList<>());
      }
      rows.get(d).add(op.index());
    }
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    int width = columns * (BOX_W + GAP_X) + GAP_X;
    int height = rows.size() * (BOX_H + GAP_Y) + GAP_Y;
    int[] x = new int[ops.size()];
    int[] y = new int[ops.size()];
    for (int d = 0; d < rows.size(); d++) {
      List<Integer> row = rows.get(d);
      int offset = (width - row.size() * (BOX_W + GAP_X) + GAP_X) / 2;
      for (int k = 0; k < row.size(); k++) {
        x[row.get(k)] = offset + k * (BOX_W + GAP_X);
        y[row.get(k)] = GAP_Y + d * (BOX_H + GAP_Y);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"operator graph\">%n",
            width,
            height,
            width,
            height));
    sb.append(
        "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\""
            + " orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>\n");
    for (OpReport op : ops) {
      for (int t : op.inputs()) {
        Integer p = producer.get(t);
        if (p != null && p < op.index()) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\""
                      + " marker-end=\"url(#arrow)\"/>%n",
                  x[p] + BOX_W / 2,
                  y[p] + BOX_H,
                  x[op.index()] + BOX_W / 2,
                  y[op.index()] - 2));
        }
      }
    }
    for (OpReport op : ops) {
      int i = op.index();
      sb.append(
          String.format(
              Locale.ROOT,
              "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
                  + " fill=\"%s\" stroke=\"#333\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#000\">"
                  + "Op#%d %s v%d</text></g>%n",
              HtmlReport.escape(
                  "Op#"
                      + i
                      + " "
                      + op.opcode()
                      + ": "
                      + op.edgetpuStatus().text()
                      + (op.reason().isEmpty() ? "" : " - " + op.reason())),
              x[i],
              y[i],
              BOX_W,
              BOX_H,
              colour(op.edgetpuStatus()),
              x[i] + BOX_W / 2,
              y[i] + BOX_H / 2 + 4,
              i,
              HtmlReport.escape(shorten(op.opcode())),
              op.version()));
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 19) + "\u2026" : s;
  }
}
