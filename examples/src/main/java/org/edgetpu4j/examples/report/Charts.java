package org.edgetpu4j.examples.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The study's pictures as PNG bytes (XChart, headless). */
final class Charts {
  private Charts() {}

  /** Test accuracy and training loss per epoch, one line per trained variant. */
  static byte[] trainingCurves(List<StudyResult.Curve> curves) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(720)
            .height(460)
            .title("Training: test accuracy (%) and training loss per epoch")
            .xAxisTitle("epoch")
            .yAxisTitle("test accuracy %")
            .build();
    chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
    // Below the plot, in one row: inside, it covered the end of the QAT loss line.
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    for (StudyResult.Curve c : curves) {
      List<Integer> epochs = new ArrayList<>();
      for (int e = 0; e < c.testAccuracyPercent().size(); e++) {
        epochs.add(c.firstEpoch() + e);
      }
      if (epochs.isEmpty()) {
        continue;
      }
      var acc = chart.addSeries(c.model() + " accuracy", epochs, c.testAccuracyPercent());
      acc.setMarker(SeriesMarkers.CIRCLE);
      var loss = chart.addSeries(c.model() + " loss", epochs, c.loss());
      loss.setYAxisGroup(1);
      loss.setMarker(SeriesMarkers.NONE);
    }
    chart.setYAxisGroupTitle(1, "training loss");
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** The confusion matrix as a heat map. */
  static byte[] confusion(int[][] m, String of) throws IOException {
    int n = m.length;
    // Category labels, so that every class gets its tick (a numeric axis labels only some).
    List<String> axis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      axis.add(Integer.toString(i));
    }
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      for (int p = 0; p < n; p++) {
        cells.add(new Number[] {p, t, m[t][p]});
      }
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(520)
            .height(480)
            .title("Confusion matrix: " + of)
            .xAxisTitle("predicted")
            .yAxisTitle("true")
            .build();
    chart.getStyler().setShowValue(true);
    // A tick per class: the default spacing hint (100 px) labelled only every third one.
    chart.getStyler().setXAxisTickMarkSpacingHint(20);
    chart.getStyler().setYAxisTickMarkSpacingHint(20);
    chart.getStyler().setMin(0);
    chart.addSeries("count", axis, axis, cells);
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }
}
