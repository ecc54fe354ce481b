package org.edgetpu4j.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edgetpu4j.validator.rules.TinyModel.in;
import static org.edgetpu4j.validator.rules.TinyModel.q;

import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.EdgeTpuPrediction;
import org.edgetpu4j.validator.Report;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Quantization rules, each with a model that breaks it and one that does not. */
class QuantizationRulesTest {
  static final BuiltinOptions CONV = BuiltinOptions.of("Conv2DOptions");

  /** A CONV_2D whose weights (and bias) are replaced. */
  static TinyModel convWith(
      TensorType wType, QuantParams wq, byte wValue, TensorType bType, QuantParams bq) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.5, -1), 1, 8, 8, 3);
    int w = m.filled("w", wType, wq, wValue, 4, 3, 3, 3);
    int b = m.filled("b", bType, bq, 0, 4);
    int y = m.act("y", TensorType.INT8, q(0.2, 3), 1, 8, 8, 4);
    m.op(BuiltinOp.CONV_2D, 3, CONV, in(x, w, b), y);
    return m.io(in(x), y);
  }

  @Nested
  class NotQuantizedTest {
    @Test
    void floatModelIsNotCompiled() {
      Report r = TinyModel.conv(TensorType.FLOAT32, 1, CONV).check();
      assertThat(r.findings("NOT_QUANTIZED")).hasSize(1);
      assertThat(r.edgetpu().compiles()).isFalse();
      assertThat(r.edgetpu().mapping()).isEqualTo(EdgeTpuPrediction.Mapping.NONE);
    }

    @Test
    void int8ModelIsQuantized() {
      assertThat(TinyModel.int8Conv().check().findings("NOT_QUANTIZED")).isEmpty();
    }
  }

  @Nested
  class HybridOpTest {
    @Test
    void floatActivationWithInt8WeightsIsHybrid() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.FLOAT32, QuantParams.NONE, 1, 8, 8, 3);
      int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, 4, 3, 3, 3);
      int b = m.filled("b", TensorType.FLOAT32, QuantParams.NONE, 0, 4);
      int y = m.act("y", TensorType.FLOAT32, QuantParams.NONE, 1, 8, 8, 4);
      m.op(BuiltinOp.CONV_2D, 2, CONV, in(x, w, b), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("HYBRID_OP")).singleElement().extracting(f -> f.opIndex()).isEqualTo(0);
      assertThat(r.ops().get(0).requiredVersion()).isEqualTo(2);
    }

    @Test
    void integerConvIsNotHybrid() {
      assertThat(TinyModel.int8Conv().check().findings("HYBRID_OP")).isEmpty();
    }
  }

  @Nested
  class Float16WeightsTest {
    @Test
    void float16ConstantIsReported() {
      TinyModel m = new TinyModel();
      int h = m.filled("w16", TensorType.FLOAT16, QuantParams.NONE, 0, 4);
      int f = m.act("w32", TensorType.FLOAT32, QuantParams.NONE, 4);
      m.op(BuiltinOp.DEQUANTIZE, 3, BuiltinOptions.NONE, in(h), f);
      assertThat(m.io(in(), f).check().findings("FLOAT16_WEIGHTS")).hasSize(1);
    }

    @Test
    void int8ModelHasNone() {
      assertThat(TinyModel.int8Conv().check().findings("FLOAT16_WEIGHTS")).isEmpty();
    }
  }

  @Nested
  class Int16ActivationsTest {
    @Test
    void int16TanhIsReported() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT16, q(1.0 / 4096, 0), 1, 16);
      int y = m.act("y", TensorType.INT16, q(1.0 / 32768, 0), 1, 16);
      m.op(BuiltinOp.TANH, 3, BuiltinOptions.NONE, in(x), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("INT16_ACTIVATIONS")).hasSize(1);
      assertThat(r.findings("NOT_QUANTIZED")).hasSize(1);
    }

    @Test
    void int8TanhIsNot() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.05, 0), 1, 16);
      int y = m.act("y", TensorType.INT8, q(1.0 / 128, 0), 1, 16);
      m.op(BuiltinOp.TANH, 2, BuiltinOptions.NONE, in(x), y);
      assertThat(m.io(in(x), y).check().findings("INT16_ACTIVATIONS")).isEmpty();
    }
  }

  @Nested
  class FloatIslandTest {
    static TinyModel island(boolean midGraph) {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 8);
      int f = m.act("f", TensorType.FLOAT32, QuantParams.NONE, 1, 8);
      m.op(BuiltinOp.DEQUANTIZE, 2, BuiltinOptions.NONE, in(x), f);
      if (!midGraph) {
        return m.io(in(x), f);
      }
      int s = m.act("s", TensorType.FLOAT32, QuantParams.NONE, 1, 8);
      int y = m.act("y", TensorType.INT8, q(1.0 / 128, 0), 1, 8);
      m.op(BuiltinOp.SIN, 1, BuiltinOptions.NONE, in(f), s);
      m.op(BuiltinOp.QUANTIZE, 1, BuiltinOptions.NONE, in(s), y);
      return m.io(in(x), y);
    }

    @Test
    void dequantizeInsideTheGraphIsAnIsland() {
      Report r = island(true).check();
      assertThat(r.findings("FLOAT_ISLAND"))
          .singleElement()
          .extracting(f -> f.opIndex())
          .isEqualTo(0);
      assertThat(r.edgetpu().firstUnmappableOpIndex()).isZero();
    }

    @Test
    void dequantizeOfTheModelOutputIsNot() {
      Report r = island(false).check();
      assertThat(r.findings("FLOAT_ISLAND")).isEmpty();
      assertThat(r.edgetpu().firstUnmappableOpIndex()).isEqualTo(-1);
    }
  }

  @Nested
  class QuantParamsMissingTest {
    @Test
    void int8TensorWithoutParametersIsReported() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, QuantParams.NONE, 1, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      assertThat(m.io(in(x), y).check().findings("QUANT_PARAMS_MISSING"))
          .singleElement()
          .extracting(f -> f.tensorIndex())
          .isEqualTo(0);
    }

    @Test
    void quantizedTensorsAreFine() {
      assertThat(TinyModel.int8Conv().check().findings("QUANT_PARAMS_MISSING")).isEmpty();
    }
  }

  @Nested
  class QuantScaleInvalidTest {
    @Test
    void zeroScaleIsReported() {
      TinyModel m = TinyModel.unary(BuiltinOp.RELU, 2, BuiltinOptions.NONE);
      int z = m.act("z", TensorType.INT8, q(0.0, 0), 1, 4);
      assertThat(m.check().findings("QUANT_SCALE_INVALID"))
          .singleElement()
          .extracting(f -> f.tensorIndex())
          .isEqualTo(z);
    }

    @Test
    void positiveScaleIsFine() {
      assertThat(TinyModel.int8Conv().check().findings("QUANT_SCALE_INVALID")).isEmpty();
    }
  }

  @Nested
  class ZeroPointOutOfRangeTest {
    @Test
    void int8ZeroPoint200IsReported() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 200), 1, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      assertThat(m.io(in(x), y).check().findings("ZERO_POINT_OUT_OF_RANGE")).hasSize(1);
    }

    @Test
    void uint8ZeroPoint200IsFine() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.UINT8, q(0.1, 200), 1, 8);
      int y = m.act("y", TensorType.UINT8, q(0.1, 128), 1, 8);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      assertThat(m.io(in(x), y).check().findings("ZERO_POINT_OUT_OF_RANGE")).isEmpty();
    }
  }

  @Nested
  class Int8WeightZeroPointTest {
    @Test
    void asymmetricInt8WeightsStopTheCompiler() {
      Report r =
          convWith(TensorType.INT8, q(0.01, 3), (byte) 1, TensorType.INT32, q(0.005, 0)).check();
      assertThat(r.findings("INT8_WEIGHT_ZERO_POINT")).hasSize(2); // op and model
      assertThat(r.edgetpu().compiles()).isFalse();
      assertThat(r.edgetpu().firstUnmappableOpIndex()).isEqualTo(-1);
    }

    @Test
    void uint8WeightsMayBeAsymmetric() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.UINT8, q(0.5, 128), 1, 8, 8, 3);
      int w = m.filled("w", TensorType.UINT8, q(0.01, 120), 1, 4, 3, 3, 3);
      int b = m.filled("b", TensorType.INT32, q(0.005, 0), 0, 4);
      int y = m.act("y", TensorType.UINT8, q(0.2, 128), 1, 8, 8, 4);
      m.op(BuiltinOp.CONV_2D, 1, CONV, in(x, w, b), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("INT8_WEIGHT_ZERO_POINT")).isEmpty();
      assertThat(r.edgetpuCompatible()).isTrue();
    }
  }

  @Nested
  class Int8WeightMinus128Test {
    @Test
    void minus128IsReported() {
      assertThat(
              convWith(TensorType.INT8, q(0.01, 0), (byte) -128, TensorType.INT32, q(0.005, 0))
                  .check()
                  .findings("INT8_WEIGHT_MINUS_128"))
          .hasSize(1);
    }

    @Test
    void minus127IsFine() {
      assertThat(
              convWith(TensorType.INT8, q(0.01, 0), (byte) -127, TensorType.INT32, q(0.005, 0))
                  .check()
                  .findings("INT8_WEIGHT_MINUS_128"))
          .isEmpty();
    }
  }

  @Nested
  class PerChannelAxisTest {
    @Test
    void convScalesAlongDimension3AreReported() {
      Report r =
          convWith(
                  TensorType.INT8,
                  TinyModel.perChannel(3, 0.01, 3),
                  (byte) 1,
                  TensorType.INT32,
                  q(0.005, 0))
              .check();
      assertThat(r.findings("PER_CHANNEL_AXIS"))
          .singleElement()
          .extracting(f -> f.message())
          .asString()
          .contains("quantized_dimension is 3, expected 0");
    }

    @Test
    void convScalesAlongDimension0AreFine() {
      assertThat(TinyModel.int8Conv().check().findings("PER_CHANNEL_AXIS")).isEmpty();
    }
  }

  @Nested
  class BiasQuantizationTest {
    @Test
    void wrongBiasScaleIsReported() {
      Report r =
          convWith(TensorType.INT8, q(0.01, 0), (byte) 1, TensorType.INT32, q(0.5, 0)).check();
      assertThat(r.findings("BIAS_QUANTIZATION"))
          .singleElement()
          .extracting(f -> f.message())
          .asString()
          .contains("bias scale != input scale x weight scale");
    }

    @Test
    void int8BiasIsReported() {
      assertThat(
              convWith(TensorType.INT8, q(0.01, 0), (byte) 1, TensorType.INT8, q(0.005, 0))
                  .check()
                  .findings("BIAS_QUANTIZATION"))
          .hasSize(1);
    }

    @Test
    void matchingBiasIsFine() {
      assertThat(
              convWith(TensorType.INT8, q(0.01, 0), (byte) 1, TensorType.INT32, q(0.005, 0))
                  .check()
                  .findings("BIAS_QUANTIZATION"))
          .isEmpty();
    }
  }

  @Nested
  class FixedOutputQuantTest {
    static TinyModel logistic(double scale, long zp) {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 8);
      int y = m.act("y", TensorType.INT8, q(scale, zp), 1, 8);
      m.op(BuiltinOp.LOGISTIC, 2, BuiltinOptions.NONE, in(x), y);
      return m.io(in(x), y);
    }

    @Test
    void wrongLogisticOutputIsReported() {
      assertThat(logistic(0.1, 0).check().findings("FIXED_OUTPUT_QUANT")).hasSize(1);
    }

    @Test
    void fixedLogisticOutputIsFine() {
      assertThat(logistic(1.0 / 256, -128).check().findings("FIXED_OUTPUT_QUANT")).isEmpty();
    }
  }

  @Nested
  class SameScaleIoTest {
    static TinyModel pool(double outScale) {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
      int y = m.act("y", TensorType.INT8, q(outScale, 0), 1, 2, 2, 8);
      m.op(
          BuiltinOp.MAX_POOL_2D,
          2,
          BuiltinOptions.of(
              "Pool2DOptions",
              "padding",
              1,
              "stride_w",
              2,
              "stride_h",
              2,
              "filter_width",
              2,
              "filter_height",
              2),
          in(x),
          y);
      return m.io(in(x), y);
    }

    @Test
    void poolWithDifferentOutputScaleIsReported() {
      assertThat(pool(0.2).check().findings("SAME_SCALE_IO")).hasSize(1);
    }

    @Test
    void poolKeepingItsScaleIsFine() {
      assertThat(pool(0.1).check().findings("SAME_SCALE_IO")).isEmpty();
    }
  }
}
