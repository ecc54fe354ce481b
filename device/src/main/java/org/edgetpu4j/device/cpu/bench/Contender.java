package org.edgetpu4j.device.cpu.bench;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * One runtime timed by {@link Benchmark}: ours in this process, or another one anywhere (a native
 * TFLite in a subprocess, a library in this process).
 */
public interface Contender extends AutoCloseable {
  /** The runtime's name and version, as printed. */
  String name();

  /** Runs inferences untimed for at least {@code nanos} and at least {@code minRuns} times. */
  void warm(long nanos, int minRuns) throws IOException;

  /** Runs {@code n} inferences and returns the nanoseconds each one took. */
  long[] time(int n) throws IOException;

  @Override
  default void close() {}

  /** A contender that calls {@code call} in this process for each inference. */
  static Contender inProcess(String name, Supplier<?> call) {
    return new Contender() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void warm(long nanos, int minRuns) {
        long start = System.nanoTime();
        for (int i = 0; i < minRuns || System.nanoTime() - start < nanos; i++) {
          call.get();
        }
      }

      @Override
      public long[] time(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
          long s = System.nanoTime();
          call.get();
          t[i] = System.nanoTime() - s;
        }
        return t;
      }
    };
  }
}
