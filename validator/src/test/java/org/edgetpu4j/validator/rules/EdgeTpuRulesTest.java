package org.edgetpu4j.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edgetpu4j.validator.rules.TinyModel.in;
import static org.edgetpu4j.validator.rules.TinyModel.q;

import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.EdgeTpuPrediction;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.tables.CompilerVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Edge TPU rules, each with a model that breaks it and one that does not. */
class EdgeTpuRulesTest {

  /** x -> RELU -> op -> y: the op is second, so the partition cut is visible. */
  static TinyModel afterRelu(BuiltinOp op, int version, BuiltinOptions options) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int r = m.act("r", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), r);
    m.op(op, version, options, in(r), y);
    return m.io(in(x), y);
  }

  @Nested
  class IoTypeTest {
    @Test
    void floatInputIsReportedAndItsQuantizeStaysOnCpuWithoutCuttingThePartition() {
      TinyModel m = new TinyModel();
      int f = m.act("f", TensorType.FLOAT32, QuantParams.NONE, 1, 8);
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8);
      m.op(BuiltinOp.QUANTIZE, 1, BuiltinOptions.NONE, in(f), x);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      Report r = m.io(in(f), y).check();
      assertThat(r.findings("IO_TYPE")).hasSize(1);
      assertThat(r.ops().get(0).edgetpuStatus()).isEqualTo(EdgeTpuStatus.UNSPECIFIED_LIMITATION);
      assertThat(r.ops().get(1).edgetpuStatus()).isEqualTo(EdgeTpuStatus.MAPPED);
      assertThat(r.edgetpu().mapping()).isEqualTo(EdgeTpuPrediction.Mapping.PARTIAL);
      assertThat(r.edgetpu().firstUnmappableOpIndex()).isEqualTo(-1);
    }

    @Test
    void int8IoIsFine() {
      assertThat(TinyModel.int8Conv().check().findings("IO_TYPE")).isEmpty();
    }
  }

  @Nested
  class DynamicShapeTest {
    @Test
    void dynamicBatchIsAWarningThatDoesNotStopMapping() {
      TinyModel m = new TinyModel();
      int x = m.dynamic("x", TensorType.INT8, q(0.1, 0), new int[] {-1, 8}, 1, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("DYNAMIC_SHAPE")).hasSize(1);
      assertThat(r.edgetpuCompatible()).isTrue();
    }

    @Test
    void staticShapesAreFine() {
      assertThat(TinyModel.int8Conv().check().findings("DYNAMIC_SHAPE")).isEmpty();
    }
  }

  @Nested
  class RuntimeShapeInputTest {
    static TinyModel reshape(boolean constantShape) {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
      int shape =
          constantShape
              ? m.ints("shape", 1, 128)
              : m.act("shape", TensorType.INT32, QuantParams.NONE, 2);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 128);
      m.op(BuiltinOp.RESHAPE, 1, BuiltinOptions.NONE, in(x, shape), y);
      return constantShape ? m.io(in(x), y) : m.io(in(x, shape), y);
    }

    @Test
    void reshapeToAComputedShapeStopsTheCompiler() {
      Report r = reshape(false).check();
      assertThat(r.findings("RUNTIME_SHAPE_INPUT")).hasSize(2); // operator and model
      assertThat(r.edgetpu().compiles()).isFalse();
    }

    @Test
    void reshapeToAConstantShapeIsMapped() {
      Report r = reshape(true).check();
      assertThat(r.findings("RUNTIME_SHAPE_INPUT")).isEmpty();
      assertThat(r.edgetpuCompatible()).isTrue();
    }
  }

  @Nested
  class EdgeTpuOpVersionTest {
    static TinyModel transposeConv(int version, int activation) {
      TinyModel m = new TinyModel();
      int shape = m.ints("shape", 1, 8, 8, 4);
      int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, 4, 3, 3, 3);
      int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 4, 4, 3);
      int b = m.filled("b", TensorType.INT32, q(0.005, 0), 0, 4);
      int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, 8, 8, 4);
      m.op(
          BuiltinOp.TRANSPOSE_CONV,
          version,
          BuiltinOptions.of(
              "TransposeConvOptions",
              "stride_w",
              2,
              "stride_h",
              2,
              "fused_activation_function",
              activation),
          in(shape, w, x, b),
          y);
      return m.io(in(x), y);
    }

    @Test
    void fusedActivationTransposeConvV4IsNotParsedByCompiler16() {
      Report r = transposeConv(4, 1).check();
      assertThat(r.ops().get(0).requiredVersion()).isEqualTo(4);
      assertThat(r.findings("EDGETPU_OP_VERSION")).hasSize(2);
      assertThat(r.edgetpu().compiles()).isFalse();
      assertThat(r.ops().get(0).edgetpuStatus()).isEqualTo(EdgeTpuStatus.VERSION_NOT_SUPPORTED);
    }

    @Test
    void transposeConvV3IsParsedBy16ButNotBy21() {
      assertThat(transposeConv(3, 0).check().findings("EDGETPU_OP_VERSION")).isEmpty();
      Target compiler21 = Target.DEFAULT.withCompiler(CompilerVersion.parse("2.1"));
      assertThat(transposeConv(3, 0).check(compiler21).findings("EDGETPU_OP_VERSION")).isNotEmpty();
    }
  }

  @Nested
  class EdgeTpuDataTypeTest {
    @Test
    void int32AddIsNotMapped() {
      TinyModel m = new TinyModel();
      int a = m.act("a", TensorType.INT32, QuantParams.NONE, 1, 8);
      int b = m.act("b", TensorType.INT32, QuantParams.NONE, 1, 8);
      int y = m.act("y", TensorType.INT32, QuantParams.NONE, 1, 8);
      m.op(BuiltinOp.ADD, 1, BuiltinOptions.of("AddOptions"), in(a, b), y);
      Report r = m.io(in(a, b), y).check();
      assertThat(r.findings("EDGETPU_DATA_TYPE")).hasSize(1);
      assertThat(r.ops().get(0).edgetpuStatus()).isEqualTo(EdgeTpuStatus.UNSUPPORTED_DATA_TYPE);
    }

    @Test
    void int8ConvIsMapped() {
      Report r = TinyModel.int8Conv().check();
      assertThat(r.findings("EDGETPU_DATA_TYPE")).isEmpty();
      assertThat(r.passes()).isTrue();
    }
  }

  @Nested
  class Int8NeedsRuntime12Test {
    @Test
    void int8OnRuntime11IsAnUnsupportedDataType() {
      Report r = TinyModel.int8Conv().check(Target.DEFAULT.withEdgeTpuRuntime(11));
      assertThat(r.findings("INT8_NEEDS_RUNTIME_12")).hasSize(1);
      assertThat(r.edgetpuCompatible()).isFalse();
    }

    @Test
    void uint8OnRuntime11IsFine() {
      Report r =
          TinyModel.conv(TensorType.UINT8, 1, BuiltinOptions.of("Conv2DOptions"))
              .check(Target.DEFAULT.withEdgeTpuRuntime(11));
      assertThat(r.findings("INT8_NEEDS_RUNTIME_12")).isEmpty();
    }
  }

  @Nested
  class TensorRankTest {
    @Test
    void batchOf2IsAnUnsupportedRank() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 2, 4, 4, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 2, 4, 4, 8);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(x), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("TENSOR_RANK")).hasSize(2); // input and output
      assertThat(r.findings("BATCH_SIZE")).hasSize(1);
      assertThat(r.ops().get(0).edgetpuStatus()).isEqualTo(EdgeTpuStatus.UNSUPPORTED_RANK);
    }

    @Test
    void batchOf1IsFine() {
      Report r = TinyModel.int8Conv().check();
      assertThat(r.findings("TENSOR_RANK")).isEmpty();
      assertThat(r.findings("BATCH_SIZE")).isEmpty();
    }
  }

  @Nested
  class NonConstantWeightsTest {
    @Test
    void weightsFromAnInputAreReported() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 16);
      int w = m.act("w", TensorType.INT8, q(0.01, 0), 10, 16);
      int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, 10);
      m.op(
          BuiltinOp.FULLY_CONNECTED,
          4,
          BuiltinOptions.of("FullyConnectedOptions"),
          in(x, w, -1),
          y);
      assertThat(m.io(in(x, w), y).check().findings("NON_CONSTANT_WEIGHTS")).hasSize(1);
    }

    @Test
    void constantWeightsAreFine() {
      assertThat(TinyModel.int8Conv().check().findings("NON_CONSTANT_WEIGHTS")).isEmpty();
    }
  }

  @Nested
  class EdgeTpuUnsupportedOpTest {
    @Test
    void hardSwishIsNotSupportedAndCutsThePartition() {
      Report r = afterRelu(BuiltinOp.HARD_SWISH, 1, BuiltinOptions.NONE).check();
      assertThat(r.findings("EDGETPU_UNSUPPORTED_OP")).hasSize(1);
      assertThat(r.edgetpu().firstUnmappableOpIndex()).isEqualTo(1);
      assertThat(r.edgetpu().mapping()).isEqualTo(EdgeTpuPrediction.Mapping.PARTIAL);
    }

    @Test
    void transposeNeedsRuntime14() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 8);
      int perm = m.ints("perm", 0, 2, 1);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8, 4);
      m.op(BuiltinOp.TRANSPOSE, 2, BuiltinOptions.of("TransposeOptions"), in(x, perm), y);
      m.io(in(x), y);
      assertThat(m.check(Target.DEFAULT.withEdgeTpuRuntime(13)).findings("EDGETPU_UNSUPPORTED_OP"))
          .hasSize(1);
      assertThat(m.check().findings("EDGETPU_UNSUPPORTED_OP")).isEmpty();
    }

    @Test
    void leadingUnsupportedOpsStayBeforeThePartition() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 8);
      int h = m.act("h", TensorType.INT8, q(0.1, 0), 1, 8);
      int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 8);
      m.op(BuiltinOp.HARD_SWISH, 1, BuiltinOptions.NONE, in(x), h);
      m.op(BuiltinOp.RELU, 2, BuiltinOptions.NONE, in(h), y);
      Report r = m.io(in(x), y).check();
      // Like the real compiler on a leading CAST: the unsupported op runs first on the CPU.
      assertThat(r.ops().get(0).edgetpuStatus()).isEqualTo(EdgeTpuStatus.NOT_SUPPORTED);
      assertThat(r.ops().get(1).edgetpuStatus()).isEqualTo(EdgeTpuStatus.MAPPED);
      assertThat(r.edgetpu().mapping()).isEqualTo(EdgeTpuPrediction.Mapping.PARTIAL);
    }
  }

  @Nested
  class EdgeTpuOpLimitationTest {
    @Test
    void maxPoolWithFusedReluIsNotMapped() {
      Report r =
          afterRelu(
                  BuiltinOp.MAX_POOL_2D,
                  2,
                  BuiltinOptions.of(
                      "Pool2DOptions",
                      "filter_width",
                      1,
                      "filter_height",
                      1,
                      "stride_w",
                      1,
                      "stride_h",
                      1,
                      "fused_activation_function",
                      1))
              .check();
      assertThat(r.findings("EDGETPU_OP_LIMITATION"))
          .singleElement()
          .extracting(f -> f.message())
          .asString()
          .contains("fused activation RELU");
    }

    @Test
    void maxPoolWithoutActivationIsMapped() {
      Report r =
          afterRelu(
                  BuiltinOp.MAX_POOL_2D,
                  2,
                  BuiltinOptions.of(
                      "Pool2DOptions",
                      "filter_width",
                      1,
                      "filter_height",
                      1,
                      "stride_w",
                      1,
                      "stride_h",
                      1))
              .check();
      assertThat(r.findings("EDGETPU_OP_LIMITATION")).isEmpty();
      assertThat(r.edgetpuCompatible()).isTrue();
    }

    @Test
    void unequalDilationIsNotMapped() {
      Report r =
          TinyModel.conv(
                  TensorType.INT8,
                  3,
                  BuiltinOptions.of(
                      "Conv2DOptions", "dilation_w_factor", 2, "dilation_h_factor", 1))
              .check();
      assertThat(r.findings("EDGETPU_OP_LIMITATION")).hasSize(1);
    }

    @Test
    void twoDimensionalSoftmaxIsNotMapped() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 8);
      int y = m.act("y", TensorType.INT8, q(1.0 / 256, -128), 1, 4, 8);
      m.op(BuiltinOp.SOFTMAX, 2, BuiltinOptions.of("SoftmaxOptions", "beta", 1.0), in(x), y);
      assertThat(m.io(in(x), y).check().findings("EDGETPU_OP_LIMITATION")).hasSize(1);
    }
  }

  @Nested
  class EdgeTpuPackageRuntimeTest {
    @Test
    void unreadablePackageIsReported() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.UINT8, q(1, 0), 1, 8);
      int y = m.act("y", TensorType.UINT8, q(1, 0), 1, 8);
      m.custom("edgetpu-custom-op", new byte[] {1, 2, 3}, in(x), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("EDGETPU_PACKAGE_RUNTIME")).hasSize(1);
      assertThat(r.findings("EDGETPU_PACKAGE")).isEmpty();
      assertThat(r.findings("CUSTOM_OP")).isEmpty();
    }

    @Test
    void uncompiledModelHasNoPackageFindings() {
      Report r = TinyModel.int8Conv().check();
      assertThat(r.findings("EDGETPU_PACKAGE_RUNTIME")).isEmpty();
      assertThat(r.findings("EDGETPU_PACKAGE")).isEmpty();
    }
  }

  @Nested
  class ParameterCacheTest {
    static TinyModel fc(int units) {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 3000);
      int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, units, 3000);
      int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, units);
      m.op(
          BuiltinOp.FULLY_CONNECTED,
          4,
          BuiltinOptions.of("FullyConnectedOptions"),
          in(x, w, -1),
          y);
      return m.io(in(x), y);
    }

    @Test
    void nineMegabytesOfWeightsExceedTheCache() {
      Report r = fc(3000).check();
      assertThat(r.findings("PARAMETER_CACHE")).hasSize(1);
      assertThat(r.edgetpu().parameterBytes())
          .isEqualTo(3008L * 3000 + 3000 * 8); // rows padded to 16
    }

    @Test
    void smallWeightsFit() {
      assertThat(fc(100).check().findings("PARAMETER_CACHE")).isEmpty();
    }
  }
}
