package org.edgetpu4j.device.cpu;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.edgetpu4j.device.cpu.node.Kernel;

/**
 * How an {@link Interpreter} is loaded. Immutable: each {@code with} method returns a copy.
 *
 * <p>Custom operators ({@code CUSTOM} opcodes such as a detection post-processing step or an Edge
 * TPU package) run only when a kernel is registered under their custom code. A kernel implements
 * the same {@link Kernel} interface as the builtin ones: its {@code prepare} validates the operator
 * and sets the output shapes, the returned step computes.
 *
 * <p>{@link Limits} bound the memory an untrusted model may make the interpreter allocate.
 *
 * <p>Heavy operators (convolutions, fully connected layers) split their output over up to {@code
 * threads} threads of a pool shared by every interpreter; results are the same for any count.
 *
 * @param customOps kernels of custom operators, by custom code
 * @param limits memory budgets checked at load
 * @param threads most threads one operator runs on, at least 1
 */
public record InterpreterOptions(Map<String, Kernel> customOps, Limits limits, int threads) {

  /** Copies the map; names, kernels and limits must not be null; threads at least 1. */
  public InterpreterOptions {
    customOps = Map.copyOf(customOps);
    Objects.requireNonNull(limits, "limits");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** {@code customOps} with default {@link Limits} and one thread per available core. */
  public InterpreterOptions(Map<String, Kernel> customOps) {
    this(customOps, Limits.defaults(), Runtime.getRuntime().availableProcessors());
  }

  /** No custom operators, default limits, one thread per available core. */
  public static InterpreterOptions defaults() {
    return new InterpreterOptions(Map.of());
  }

  /** These options with memory budgets {@code limits}. */
  public InterpreterOptions withLimits(Limits limits) {
    return new InterpreterOptions(customOps, limits, threads);
  }

  /** These options with operators split over up to {@code n} threads ({@code n >= 1}). */
  public InterpreterOptions withThreads(int n) {
    return new InterpreterOptions(customOps, limits, n);
  }

  /** These options with {@code kernel} run for custom operators named {@code customCode}. */
  public InterpreterOptions withCustomOp(String customCode, Kernel kernel) {
    Objects.requireNonNull(customCode, "customCode");
    Objects.requireNonNull(kernel, "kernel");
    Map<String, Kernel> m = new TreeMap<>(customOps);
    m.put(customCode, kernel);
    return new InterpreterOptions(m, limits, threads);
  }
}
