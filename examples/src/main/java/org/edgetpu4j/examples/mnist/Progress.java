package org.edgetpu4j.examples.mnist;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on one console line: redrawn in place on a terminal, printed once when done
 * otherwise (logs and CI stay readable).
 */
final class Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastDraw;

  Progress(PrintWriter out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = System.console() != null;
  }

  /** Shows {@code done} of the total with a short status text. */
  void update(long done, String status) {
    long now = System.nanoTime();
    if (!terminal || (now - lastDraw < 100_000_000L && done < total)) {
      return;
    }
    lastDraw = now;
    out.print("\r" + line(done, status));
    out.flush();
  }

  /** Finishes the bar with a final status. */
  void finish(String status) {
    out.print((terminal ? "\r" : "") + line(total, status) + "\n");
    out.flush();
  }

  private String line(long done, String status) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        Locale.ROOT,
        "%-18s [%s%s] %3d%% %5.1fs %s",
        label,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        100 * Math.min(done, total) / total,
        seconds,
        status);
  }
}
