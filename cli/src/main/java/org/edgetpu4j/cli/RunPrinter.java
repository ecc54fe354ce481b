package org.edgetpu4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.device.io.Classification;
import org.edgetpu4j.device.io.Labels;

/** What {@code run} prints: output shapes, the top classes and the time of each inference. */
final class RunPrinter {
  private RunPrinter() {}

  /** {@code label score} lines for the {@code k} best classes of {@code output}. */
  static void topK(PrintWriter out, TensorInfo output, byte[] raw, int k, Optional<Labels> labels) {
    List<Classification> best = Classification.top(output.dequantize(raw), k, labels);
    int width = best.stream().mapToInt(c -> c.label().length()).max().orElse(0);
    for (Classification c : best) {
      out.printf(Locale.ROOT, "%-" + Math.max(1, width) + "s  %.5f%n", c.label(), c.score());
    }
  }

  /** One line per inference, then the median when there were several. */
  static void timings(PrintWriter out, long[] nanos) {
    for (int i = 0; i < nanos.length; i++) {
      out.printf(Locale.ROOT, "inference %d: %.3f ms%n", i + 1, nanos[i] / 1e6);
    }
    if (nanos.length > 1) {
      long[] sorted = nanos.clone();
      java.util.Arrays.sort(sorted);
      double median =
          sorted.length % 2 == 1
              ? sorted[sorted.length / 2]
              : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
      out.printf(
          Locale.ROOT,
          "median of %d: %.3f ms (first %.3f ms)%n",
          nanos.length,
          median / 1e6,
          nanos[0] / 1e6);
    }
  }
}
