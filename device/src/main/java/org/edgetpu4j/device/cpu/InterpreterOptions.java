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
 * @param customOps kernels of custom operators, by custom code
 * @param limits memory budgets checked at load
 */
public record InterpreterOptions(Map<String, Kernel> customOps, Limits limits) {

  /** Copies the map; names, kernels and limits must not be null. */
  public InterpreterOptions {
    customOps = Map.copyOf(customOps);
    Objects.requireNonNull(limits, "limits");
  }

  /** These custom operators with the default {@link Limits}. */
  public InterpreterOptions(Map<String, Kernel> customOps) {
    this(customOps, Limits.defaults());
  }

  /** No custom operators, default limits. */
  public static InterpreterOptions defaults() {
    return new InterpreterOptions(Map.of());
  }

  /** These options with memory budgets {@code limits}. */
  public InterpreterOptions withLimits(Limits limits) {
    return new InterpreterOptions(customOps, limits);
  }

  /** These options with {@code kernel} run for custom operators named {@code customCode}. */
  public InterpreterOptions withCustomOp(String customCode, Kernel kernel) {
    Objects.requireNonNull(customCode, "customCode");
    Objects.requireNonNull(kernel, "kernel");
    Map<String, Kernel> m = new TreeMap<>(customOps);
    m.put(customCode, kernel);
    return new InterpreterOptions(m, limits);
  }
}
