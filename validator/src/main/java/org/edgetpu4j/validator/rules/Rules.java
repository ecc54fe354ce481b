package org.edgetpu4j.validator.rules;

import java.util.List;

/**
 * Every rule, in the order their findings are reported. Where several rules keep one operator off
 * the Edge TPU, the first one's status is the operator's status, so data-type problems come before
 * unsupported operators (matching what the compiler prints for DEQUANTIZE).
 */
public final class Rules {
  private Rules() {}

  private static final List<Rule> ALL =
      List.of(
          new OpVersionTooNew(),
          new OpVersionUnverified(),
          new OpVersionMismatch(),
          new MultipleSubgraphs(),
          new NotQuantized(),
          new HybridOp(),
          new Float16Weights(),
          new Int16Activations(),
          new FloatIsland(),
          new QuantParamsMissing(),
          new QuantScaleInvalid(),
          new ZeroPointOutOfRange(),
          new Int8WeightZeroPoint(),
          new Int8WeightMinus128(),
          new PerChannelAxis(),
          new BiasQuantization(),
          new FixedOutputQuant(),
          new SameScaleIo(),
          new IoType(),
          new DynamicShape(),
          new RuntimeShapeInput(),
          new EdgeTpuOpVersion(),
          new EdgeTpuDataType(),
          new Int8IoRuntime(),
          new TensorRank(),
          new BatchSize(),
          new NonConstantWeights(),
          new CustomOp(),
          new EdgeTpuUnsupportedOp(),
          new EdgeTpuOpLimitation(),
          new EdgeTpuPackageRuntime(),
          new EdgeTpuPackageInfo(),
          new ParameterCache());

  /** All rules. */
  public static List<Rule> all() {
    return ALL;
  }
}
