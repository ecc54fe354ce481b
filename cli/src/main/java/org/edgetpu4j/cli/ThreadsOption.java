package org.edgetpu4j.cli;

import org.edgetpu4j.device.cpu.InterpreterOptions;
import picocli.CommandLine.Option;

/** {@code --threads N}: how many threads one operator of the CPU interpreter may use. */
public final class ThreadsOption {
  /** The requested count, or null for the command's default. */
  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads per operator of the CPU interpreter (1 to 256).")
  Integer threads;

  /** The requested count, or {@code fallback} when none was given; refuses counts out of range. */
  int threadsOr(int fallback) {
    int n = threads == null ? fallback : threads;
    if (n < 1 || n > 256) {
      throw new CliException(CliException.BAD_INPUT, "--threads must be in [1, 256], got " + n);
    }
    return n;
  }

  /** Interpreter options with the requested count, the available cores by default. */
  InterpreterOptions options() {
    InterpreterOptions o = InterpreterOptions.defaults();
    return o.withThreads(threadsOr(o.threads()));
  }
}
