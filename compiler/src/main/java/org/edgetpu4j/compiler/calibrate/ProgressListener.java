package org.edgetpu4j.compiler.calibrate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives calibration progress; a CLI can drive a progress bar from it. */
@FunctionalInterface
public interface ProgressListener {
  /** Called after each sample: {@code done} of {@code total}. */
  void progress(int done, int total);

  /** Logs at INFO every 10% (and at the end). */
  static ProgressListener logging(String what) {
    Logger log = LoggerFactory.getLogger(ProgressListener.class);
    return (done, total) -> {
      if (done == total || (total >= 10 && done % (total / 10) == 0)) {
        log.info("{}: {}/{} ({}%)", what, done, total, 100L * done / Math.max(1, total));
      }
    };
  }

  /** Ignores progress. */
  static ProgressListener none() {
    return (done, total) -> {};
  }
}
