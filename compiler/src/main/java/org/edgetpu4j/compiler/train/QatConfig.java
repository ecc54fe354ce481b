package org.edgetpu4j.compiler.train;

/**
 * Options of the quantization-aware training rewrite.
 *
 * @param perChannel per-output-channel weight ranges for Conv2D and DepthwiseConv2dNative (the int8
 *     default); false for per-tensor weights everywhere
 * @param quantizeInputs fake-quantize float graph inputs
 * @param quantDelay training steps that run in float before fake quantization switches on (ranges
 *     are tracked during the delay)
 * @param freezeBatchNormDelay step from which batch norm uses and stops updating its moving
 *     statistics ({@link Long#MAX_VALUE}: never)
 * @param emaDecay decay of the activation-range moving averages
 * @param batchNormMomentum momentum of the batch-norm moving statistics
 */
public record QatConfig(
    boolean perChannel,
    boolean quantizeInputs,
    long quantDelay,
    long freezeBatchNormDelay,
    float emaDecay,
    float batchNormMomentum) {
  /** Validates the values. */
  public QatConfig {
    if (quantDelay < 0 || freezeBatchNormDelay < 0) {
      throw new IllegalArgumentException("delays must be >= 0");
    }
    if (!(emaDecay >= 0 && emaDecay < 1) || !(batchNormMomentum >= 0 && batchNormMomentum < 1)) {
      throw new IllegalArgumentException("emaDecay and batchNormMomentum must be in [0, 1)");
    }
  }

  /** Per-channel, inputs quantized, no delays, EMA decay 0.999, batch-norm momentum 0.99. */
  public static QatConfig defaults() {
    return new QatConfig(true, true, 0, Long.MAX_VALUE, 0.999f, 0.99f);
  }

  /** With per-tensor weights when {@code perTensor}. */
  public QatConfig withPerTensorWeights(boolean perTensor) {
    return new QatConfig(
        !perTensor, quantizeInputs, quantDelay, freezeBatchNormDelay, emaDecay, batchNormMomentum);
  }

  /** With a quant delay. */
  public QatConfig withQuantDelay(long steps) {
    return new QatConfig(
        perChannel, quantizeInputs, steps, freezeBatchNormDelay, emaDecay, batchNormMomentum);
  }

  /** With a batch-norm freeze delay. */
  public QatConfig withFreezeBatchNormDelay(long steps) {
    return new QatConfig(
        perChannel, quantizeInputs, quantDelay, steps, emaDecay, batchNormMomentum);
  }

  /** With an activation-range EMA decay. */
  public QatConfig withEmaDecay(float decay) {
    return new QatConfig(
        perChannel, quantizeInputs, quantDelay, freezeBatchNormDelay, decay, batchNormMomentum);
  }

  /** With a batch-norm momentum. */
  public QatConfig withBatchNormMomentum(float momentum) {
    return new QatConfig(
        perChannel, quantizeInputs, quantDelay, freezeBatchNormDelay, emaDecay, momentum);
  }
}
