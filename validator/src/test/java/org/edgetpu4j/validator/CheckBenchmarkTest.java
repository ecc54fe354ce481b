package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

/**
 * Time of reading and checking the largest conformance model, warm, in this JVM. Prints the median;
 * the budget is 100 ms.
 */
class CheckBenchmarkTest {
  static final int WARMUP = 30;
  static final int RUNS = 30;

  @Test
  void largestConformanceModelChecksWellWithinBudget() throws Exception {
    ConformanceCases.Case largest =
        ConformanceCases.all().stream()
            .max(Comparator.comparingInt(c -> c.model().length))
            .orElseThrow();
    byte[] bytes = largest.model();
    for (int i = 0; i < WARMUP; i++) {
      Validator.check(TfliteReader.read(bytes), Target.DEFAULT);
    }
    long[] readAndCheck = new long[RUNS];
    long[] checkOnly = new long[RUNS];
    Model model = TfliteReader.read(bytes);
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      Validator.check(TfliteReader.read(bytes), Target.DEFAULT);
      long t1 = System.nanoTime();
      Validator.check(model, Target.DEFAULT);
      long t2 = System.nanoTime();
      readAndCheck[i] = t1 - t0;
      checkOnly[i] = t2 - t1;
    }
    double medianAll = median(readAndCheck) / 1e6;
    double medianCheck = median(checkOnly) / 1e6;
    System.out.printf(
        "check benchmark: %s (%d bytes, %d ops): read+check median %.2f ms, check median %.2f ms%n",
        largest.name(),
        bytes.length,
        model.mainSubgraph().operators().size(),
        medianAll,
        medianCheck);
    assertThat(medianAll).isLessThan(100.0);
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
