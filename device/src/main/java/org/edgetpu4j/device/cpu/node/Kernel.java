package org.edgetpu4j.device.cpu.node;

import org.edgetpu4j.device.cpu.ModelRefusedException;

/**
 * One builtin operator. {@code prepare} validates types, shapes and quantization, sets the output
 * shapes and precomputes everything eval needs; the returned {@link Step} only computes.
 */
@FunctionalInterface
public interface Kernel {
  /**
   * Prepares {@code node}.
   *
   * @throws ModelRefusedException when the operator cannot be run as given
   */
  Step prepare(Node node);
}
