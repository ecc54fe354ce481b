package org.edgetpu4j.compiler.emit;

/**
 * Operator versions as the TFLite converter assigns them for the encodings this emitter writes
 * (TFLite's op-version rules: int8 kernels raised most operators to version 2 or 3; uint8 kept
 * version 1 unless an option such as dilation needed more).
 */
final class Versions {
  private final boolean int8;

  Versions(boolean int8) {
    this.int8 = int8;
  }

  int conv(boolean dilated) {
    return int8 ? 3 : dilated ? 2 : 1;
  }

  int depthwise(boolean dilated) {
    return int8 ? 3 : dilated ? 2 : 1;
  }

  int fullyConnected(boolean keepNumDims) {
    return keepNumDims ? 5 : int8 ? 4 : 1;
  }

  int transposeConv(boolean withBias) {
    return withBias ? 3 : int8 ? 2 : 1;
  }

  int resize(boolean halfPixelCenters) {
    return halfPixelCenters ? 3 : int8 ? 2 : 1;
  }

  /** Pools, ADD, SUB, MUL, CONCATENATION, SOFTMAX, LOGISTIC, TANH, MEAN, PAD, RELU(6), slices. */
  int int8Is2() {
    return int8 ? 2 : 1;
  }

  /** DEQUANTIZE: version 2 reads int8. */
  int dequantize() {
    return int8 ? 2 : 1;
  }
}
