package org.edgetpu4j.device.cpu;

/**
 * The interpreter cannot run this model: an unsupported or custom operator, an unsupported operator
 * version or type combination, or parameters the kernels reject. The message names the operator
 * (index, name, version) and the tensor concerned.
 */
public class ModelRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public ModelRefusedException(String message) {
    super(message);
  }
}
