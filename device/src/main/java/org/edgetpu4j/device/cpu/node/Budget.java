package org.edgetpu4j.device.cpu.node;

/**
 * What one load may still allocate: the largest tensor, and the scratch memory kernels take in
 * {@code prepare}. Kernels charge scratch through {@link Node#scratch} before allocating it.
 */
public final class Budget {
  private final long maxTensorBytes;
  private final long maxScratchBytes;
  private long scratchBytes;

  /** A budget allowing tensors of up to {@code maxTensorBytes} and that much scratch in total. */
  public Budget(long maxTensorBytes, long maxScratchBytes) {
    this.maxTensorBytes = maxTensorBytes;
    this.maxScratchBytes = maxScratchBytes;
  }

  /** No budget beyond what one Java array can hold. */
  public static Budget unlimited() {
    return new Budget(Integer.MAX_VALUE - 16, Long.MAX_VALUE);
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
