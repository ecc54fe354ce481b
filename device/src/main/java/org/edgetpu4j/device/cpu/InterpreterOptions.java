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
 * @param customOps kernels of custom operators, by custom code
 */
public record InterpreterOptions(Map<String, Kernel> customOps) {

  /** Copies the map; names and kernels must not be null. */
  public InterpreterOptions {
    customOps = Map.copyOf(customOps);
  }

  /** No custom operators. */
  public static InterpreterOptions defaults() {
    return new InterpreterOptions(Map.of());
  }

  /** These options with {@code kernel} run for custom operators named {@code customCode}. */
  public InterpreterOptions withCustomOp(String customCode, Kernel kernel) {
    Objects.requireNonNull(customCode, "customCode");
    Objects.requireNonNull(kernel, "kernel");
    Map<String, Kernel> m = new TreeMap<>(customOps);
    m.put(customCode, kernel);
    return new InterpreterOptions(m);
  }
}
