package org.edgetpu4j.device.cpu.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.Model;

/**
 * Times the CPU interpreter and every available {@link Baseline} in the same process on the same
 * inputs: warm-up runs, then timed runs, reporting the median latency and the ratio to ours.
 */
public final class Benchmark {
  private Benchmark() {}

  /**
   * One timed runtime.
   *
   * @param runtime name of the runtime (and variant)
   * @param medianMicros median latency of one inference in microseconds
   * @param runs number of timed runs
   */
  public record Result(String runtime, double medianMicros, int runs) {}

  /**
   * Runs the comparison.
   *
   * @param model the parsed model
   * @param modelBytes the same model as flatbuffer bytes, for baselines
   * @param inputs raw inputs
   * @param warmup untimed runs per runtime
   * @param runs timed runs per runtime
   */
  public static List<Result> compare(
      Model model, byte[] modelBytes, List<byte[]> inputs, int warmup, int runs) {
    return compare(model, modelBytes, inputs, warmup, runs, MIN_WARMUP_NANOS);
  }

  /**
   * {@link #compare(Model, byte[], List, int, int)} with a chosen minimum warm-up time. Every
   * runtime is warmed up first; the timed runs are then interleaved in rounds (each round times a
   * share of the runs of every runtime), so that load from other processes affects all runtimes
   * alike.
   */
  public static List<Result> compare(
      Model model,
      byte[] modelBytes,
      List<byte[]> inputs,
      int warmup,
      int runs,
      long minWarmupNanos) {
    List<String> names = new ArrayList<>();
    List<Supplier<?>> calls = new ArrayList<>();
    List<Result> failed = new ArrayList<>();
    List<Baseline.Runner> open = new ArrayList<>();
    Interpreter ours = Interpreter.load(model);
    names.add("edgetpu4j-cpu");
    calls.add(() -> ours.run(inputs));
    try {
      for (Baseline b : ServiceLoader.load(Baseline.class)) {
        for (String variant : b.variants()) {
          try {
            Baseline.Runner r = b.open(variant, modelBytes, inputs);
            open.add(r);
            names.add(variant);
            calls.add(r::run);
          } catch (Exception | LinkageError e) {
            failed.add(new Result(variant + " (failed: " + reason(e) + ")", Double.NaN, 0));
          }
        }
      }
      for (Supplier<?> call : calls) {
        warm(call, warmup, minWarmupNanos);
      }
      int rounds = Math.max(1, Math.min(ROUNDS, runs));
      long[][] t = new long[calls.size()][runs];
      for (int round = 0; round < rounds; round++) {
        int from = (int) ((long) runs * round / rounds);
        int to = (int) ((long) runs * (round + 1) / rounds);
        for (int k = 0; k < calls.size(); k++) {
          Supplier<?> call = calls.get(k);
          for (int i = from; i < to; i++) {
            long start = System.nanoTime();
            call.get();
            t[k][i] = System.nanoTime() - start;
          }
        }
      }
      List<Result> results = new ArrayList<>();
      for (int k = 0; k < calls.size(); k++) {
        results.add(new Result(names.get(k), median(t[k]) / 1000.0, runs));
      }
      results.addAll(failed);
      return results;
    } finally {
      for (Baseline.Runner r : open) {
        r.close();
      }
    }
  }

  /** Why a runtime failed, in its own words (no exception class names). */
  static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "no reason given" : m.lines().findFirst().orElse(m);
  }

  /** Number of interleaved rounds the timed runs are split into. */
  static final int ROUNDS = 10;

  /** Warm-up lasts at least this long, so that the JIT has compiled the hot loops. */
  public static final long MIN_WARMUP_NANOS = 2_000_000_000L;

  /**
   * Median microseconds of {@code runs} calls after a warm-up of at least {@code warmup} calls and
   * at least {@link #MIN_WARMUP_NANOS}.
   */
  public static Result time(String name, Supplier<?> call, int warmup, int runs) {
    return time(name, call, warmup, runs, MIN_WARMUP_NANOS);
  }

  /** {@link #time(String, Supplier, int, int)} with a chosen minimum warm-up time. */
  public static Result time(
      String name, Supplier<?> call, int warmup, int runs, long minWarmupNanos) {
    warm(call, warmup, minWarmupNanos);
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call.get();
      t[i] = System.nanoTime() - start;
    }
    return new Result(name, median(t) / 1000.0, runs);
  }

  private static void warm(Supplier<?> call, int warmup, long minWarmupNanos) {
    long warmStart = System.nanoTime();
    for (int i = 0; i < warmup || System.nanoTime() - warmStart < minWarmupNanos; i++) {
      call.get();
    }
  }

  private static double median(long[] t) {
    long[] s = t.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Prints one line per runtime with its median and the ratio of our median to it. */
  public static void print(String title, List<Result> results, PrintStream out) {
    double ours = results.get(0).medianMicros();
    out.println(title);
    for (Result r : results) {
      out.printf(
          "  %-52s median %10.1f us  ours/this %6.2f  (%d runs)%n",
          r.runtime(), r.medianMicros(), ours / r.medianMicros(), r.runs());
    }
  }
}
