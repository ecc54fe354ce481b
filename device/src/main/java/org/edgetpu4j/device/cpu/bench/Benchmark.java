package org.edgetpu4j.device.cpu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times several {@link Contender runtimes} on the same inputs: each is warmed up first, then the
 * timed runs are interleaved in rounds (each round times a share of the runs of every runtime), so
 * that load from other processes falls on all runtimes alike. Reports median, minimum and 90th
 * percentile per runtime and the ratio of the first runtime's median to each.
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * One timed runtime.
   *
   * @param runtime name and version of the runtime (and variant)
   * @param medianMicros median latency of one inference in microseconds
   * @param minMicros fastest inference
   * @param p90Micros 90th percentile
   * @param runs number of timed runs
   */
  public record Result(
      String runtime, double medianMicros, double minMicros, double p90Micros, int runs) {}

  /** How long and how often to time. */
  public record Plan(int warmupRuns, long warmupNanos, int runs, int rounds) {
    /** Validates the counts. */
    public Plan {
      if (warmupRuns < 0 || warmupNanos < 0 || runs < 1 || rounds < 1) {
        throw new IllegalArgumentException("bad benchmark plan");
      }
    }
  }

  /** Number of interleaved rounds the timed runs are split into by default. */
  public static final int ROUNDS = 10;

  /** Warm-up lasts at least this long by default, so that the JIT has compiled the hot loops. */
  public static final long MIN_WARMUP_NANOS = 2_000_000_000L;

  /**
   * Times every contender as {@code plan} says, reporting progress lines to {@code progress}.
   * Results are in the order of {@code contenders}.
   */
  public static List<Result> compare(
      List<? extends Contender> contenders, Plan plan, Consumer<String> progress)
      throws IOException {
    for (Contender c : contenders) {
      progress.accept("warming up " + c.name());
      c.warm(plan.warmupNanos(), plan.warmupRuns());
    }
    int runs = plan.runs();
    int rounds = Math.min(plan.rounds(), runs);
    long[][] t = new long[contenders.size()][runs];
    for (int round = 0; round < rounds; round++) {
      progress.accept("round " + (round + 1) + "/" + rounds);
      int from = (int) ((long) runs * round / rounds);
      int to = (int) ((long) runs * (round + 1) / rounds);
      for (int k = 0; k < contenders.size(); k++) {
        long[] part = contenders.get(k).time(to - from);
        System.arraycopy(part, 0, t[k], from, to - from);
      }
    }
    List<Result> results = new ArrayList<>();
    for (int k = 0; k < contenders.size(); k++) {
      long[] s = t[k].clone();
      Arrays.sort(s);
      results.add(
          new Result(
              contenders.get(k).name(),
              median(s) / 1000.0,
              s[0] / 1000.0,
              s[Math.min(s.length - 1, (int) Math.ceil(0.9 * s.length) - 1)] / 1000.0,
              runs));
    }
    return results;
  }

  /**
   * Median microseconds of {@code runs} calls after a warm-up of at least {@code warmup} calls and
   * at least {@code minWarmupNanos}.
   */
  public static Result time(
      String name, Supplier<?> call, int warmup, int runs, long minWarmupNanos) {
    try {
      return compare(
              List.of(Contender.inProcess(name, call)),
              new Plan(warmup, minWarmupNanos, runs, 1),
              s -> {})
          .get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /**
   * Prints one line per runtime: {@code name median M us ours/this R min A p90 B us (N runs)},
   * where "ours" is the first result.
   */
  public static void print(String title, List<Result> results, PrintStream out) {
    double ours = results.get(0).medianMicros();
    out.println(title);
    for (Result r : results) {
      out.printf(
          "  %-48s median %10.1f us  ours/this %6.2f  min %10.1f  p90 %10.1f us  (%d runs)%n",
          r.runtime(),
          r.medianMicros(),
          ours / r.medianMicros(),
          r.minMicros(),
          r.p90Micros(),
          r.runs());
    }
  }
}
