package org.edgetpu4j.device.coral;

/**
 * Carries an {@link EdgeTpuException} out of the CPU interpreter, whose steps cannot throw checked
 * exceptions; {@link #getCause()} is the original.
 */
public final class EdgeTpuUncheckedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Wraps {@code cause}. */
  public EdgeTpuUncheckedException(EdgeTpuException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized EdgeTpuException getCause() {
    return (EdgeTpuException) super.getCause();
  }
}
