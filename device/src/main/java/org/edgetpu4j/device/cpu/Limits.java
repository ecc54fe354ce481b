package org.edgetpu4j.device.cpu;

/**
 * Memory budgets a model must fit at load, so that an untrusted model cannot make the interpreter
 * allocate more than its user allows. Every size is checked before anything of that size is
 * allocated; a model over budget is refused with {@link ModelRefusedException} naming the operator
 * or tensor and the limit.
 *
 * @param maxArenaBytes largest activation arena (all activations live at once, after reuse); also
 *     bounds any single tensor
 * @param maxScratchBytes total working memory kernels precompute at load (index tables, int32
 *     accumulators, expanded weights)
 * @param maxConstantBytes total bytes of tensors computed from constants at load (constant folding)
 * @param maxOpsPerRun estimated arithmetic operations of one run (multiply-accumulates of weighted
 *     operators, window taps of pooling, one per element read or written otherwise), which bounds
 *     how long a small model may make a run take
 */
public record Limits(
    long maxArenaBytes, long maxScratchBytes, long maxConstantBytes, long maxOpsPerRun) {
  /** The largest byte array the JVM can allocate, with headroom for the array header. */
  public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

  /** Checks that every budget is positive and no larger than one Java array. */
  public Limits {
    for (long v : new long[] {maxArenaBytes, maxScratchBytes, maxConstantBytes}) {
      if (v <= 0 || v > MAX_ARRAY_BYTES) {
        throw new IllegalArgumentException(
            "budgets must be between 1 and " + MAX_ARRAY_BYTES + " bytes, got " + v);
      }
    }
    if (maxOpsPerRun <= 0) {
      throw new IllegalArgumentException("maxOpsPerRun must be positive, got " + maxOpsPerRun);
    }
  }

  /** Default operations per run: 2^40, beyond any real model; tighten it for untrusted ones. */
  public static final long DEFAULT_OPS_PER_RUN = 1L << 40;

  /** 1 GiB for each memory budget, {@link #DEFAULT_OPS_PER_RUN} operations per run. */
  public static Limits defaults() {
    return ofBytes(1L << 30);
  }

  /** The same budget of {@code bytes} for activations, scratch and folded constants. */
  public static Limits ofBytes(long bytes) {
    return new Limits(bytes, bytes, bytes, DEFAULT_OPS_PER_RUN);
  }

  /** These limits with at most {@code ops} estimated operations per run. */
  public Limits withMaxOpsPerRun(long ops) {
    return new Limits(maxArenaBytes, maxScratchBytes, maxConstantBytes, ops);
  }
}
