package org.edgetpu4j.device.cpu.node;

/**
 * What one load may still allocate: the largest tensor, and the scratch memory kernels take in
 * {@code prepare}. Kernels charge scratch through {@link Node#scratch} before allocating it.
 */
public final class Budget {
  private final long maxTensorBytes;
  private final long maxScratchBytes;
  private final long maxOps;
  private long scratchBytes;
  private long ops;

  /**
   * A budget allowing tensors of up to {@code maxTensorBytes}, that much scratch in total, and
   * {@code maxOps} estimated operations per run.
   */
  public Budget(long maxTensorBytes, long maxScratchBytes, long maxOps) {
    this.maxTensorBytes = maxTensorBytes;
    this.maxScratchBytes = maxScratchBytes;
    this.maxOps = maxOps;
  }

  /** No budget beyond what one Java array can hold. */
  public static Budget unlimited() {
    return new Budget(Integer.MAX_VALUE - 16, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Estimated operations per run charged so far. */
  public long ops() {
    return ops;
  }

  /** Charges {@code n} operations; false (and nothing charged) when over the budget. */
  boolean chargeOps(long n) {
    if (n < 0 || n > maxOps - ops) {
      return false;
    }
    ops += n;
    return true;
  }

  long maxOps() {
    return maxOps;
  }

  /** The largest byte size a single tensor may have. */
  public long maxTensorBytes() {
    return maxTensorBytes;
  }

  /** Scratch bytes charged so far. */
  public long scratchBytes() {
    return scratchBytes;
  }

  /** Charges {@code bytes}; false (and nothing charged) when that would exceed the budget. */
  boolean charge(long bytes) {
    if (bytes < 0 || bytes > maxScratchBytes - scratchBytes) {
      return false;
    }
    scratchBytes += bytes;
    return true;
  }

  long maxScratchBytes() {
    return maxScratchBytes;
  }
}
