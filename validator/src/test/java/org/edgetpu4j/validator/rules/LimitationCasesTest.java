package org.edgetpu4j.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edgetpu4j.validator.rules.TinyModel.in;
import static org.edgetpu4j.validator.rules.TinyModel.q;

import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Target;
import org.junit.jupiter.api.Test;

/** Each Edge TPU limitation with an operator that breaks it and one that keeps it. */
class LimitationCasesTest {

  static List<String> limits(TinyModel m) {
    return limits(m, Target.DEFAULT);
  }

  static List<String> limits(TinyModel m, Target t) {
    return m.check(t).findings("EDGETPU_OP_LIMITATION").stream().map(Finding::message).toList();
  }

  /** x [1,4,4,8] (+ constant second input) -> op -> y. */
  static TinyModel withConstant(
      BuiltinOp op, int version, BuiltinOptions o, int[] values, int... outShape) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int c = m.ints("c", values);
    int y = m.act("y", TensorType.INT8, q(0.1, 0), outShape);
    m.op(op, version, o, in(x, c), y);
    return m.io(in(x), y);
  }

  static TinyModel concat(boolean constantZeros, int inputs) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int[] ins = new int[inputs];
    ins[0] = x;
    for (int k = 1; k < inputs; k++) {
      ins[k] = m.filled("z" + k, TensorType.INT8, q(0.1, 0), constantZeros ? 0 : 5, 1, 4, 4, 8);
    }
    int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8 * inputs);
    m.op(BuiltinOp.CONCATENATION, 2, BuiltinOptions.of("ConcatenationOptions", "axis", 3), ins, y);
    return m.io(in(x), y);
  }

  @Test
  void concatenationConstantInput() {
    assertThat(limits(concat(true, 2))).isEmpty();
    assertThat(limits(concat(false, 2))).singleElement().asString().contains("not all zeros");
    assertThat(limits(concat(true, 3))).singleElement().asString().contains("exactly 2 inputs");
  }

  @Test
  void fullyConnectedWithKeepNumDimsOn3dInput() {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 4, 24);
    int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, 12, 24);
    int b = m.filled("b", TensorType.INT32, q(0.005, 0), 0, 12);
    int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, 4, 12);
    m.op(
        BuiltinOp.FULLY_CONNECTED,
        5,
        BuiltinOptions.of("FullyConnectedOptions", "keep_num_dims", true),
        in(x, w, b),
        y);
    assertThat(limits(m.io(in(x), y)))
        .singleElement()
        .asString()
        .contains("not one-dimensional after the batch");
    assertThat(limits(RuntimeRulesTest.int8Fc(4))).isEmpty();
  }

  @Test
  void shuffledFullyConnectedWeights() {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 16);
    int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, 16, 16);
    int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, 16);
    m.op(
        BuiltinOp.FULLY_CONNECTED,
        2,
        BuiltinOptions.of("FullyConnectedOptions", "weights_format", 1),
        in(x, w, -1),
        y);
    assertThat(limits(m.io(in(x), y))).singleElement().asString().contains("shuffled");
  }

  @Test
  void meanOverBatchAndOverOddDepth() {
    BuiltinOptions keep = BuiltinOptions.of("ReducerOptions", "keep_dims", true);
    assertThat(limits(withConstant(BuiltinOp.MEAN, 2, keep, new int[] {1, 2}, 1, 1, 1, 8)))
        .isEmpty();
    assertThat(limits(withConstant(BuiltinOp.MEAN, 2, keep, new int[] {0}, 1, 4, 4, 8)))
        .singleElement()
        .asString()
        .contains("batch dimension");
    TinyModel odd = new TinyModel();
    int x = odd.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 6);
    int axes = odd.ints("axes", 3);
    int y = odd.act("y", TensorType.INT8, q(0.1, 0), 1, 4, 4, 1);
    odd.op(BuiltinOp.MEAN, 2, keep, in(x, axes), y);
    assertThat(limits(odd.io(in(x), y))).singleElement().asString().contains("multiple of 4");
  }

  @Test
  void padOfTheBatchDimension() {
    BuiltinOptions pad = BuiltinOptions.of("PadOptions");
    assertThat(
            limits(
                withConstant(
                    BuiltinOp.PAD, 2, pad, new int[] {0, 0, 1, 1, 1, 1, 0, 0}, 1, 6, 6, 8)))
        .isEmpty();
    assertThat(
            limits(
                withConstant(
                    BuiltinOp.PAD, 2, pad, new int[] {1, 0, 0, 0, 0, 0, 0, 0}, 2, 4, 4, 8)))
        .singleElement()
        .asString()
        .contains("pads the batch");
  }

  @Test
  void stridedSliceStrides() {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int begin = m.ints("begin", 0, 0, 0, 0);
    int end = m.ints("end", 1, 4, 4, 8);
    int strides = m.ints("strides", 1, 2, 2, 1);
    int unit = m.ints("unit", 1, 1, 1, 1);
    int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 2, 2, 8);
    int z = m.act("z", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    BuiltinOptions o = BuiltinOptions.of("StridedSliceOptions");
    m.op(BuiltinOp.STRIDED_SLICE, 2, o, in(x, begin, end, strides), y);
    m.op(BuiltinOp.STRIDED_SLICE, 2, o, in(x, begin, end, unit), z);
    List<Finding> f = m.io(in(x), y, z).check().findings("EDGETPU_OP_LIMITATION");
    assertThat(f)
        .singleElement()
        .satisfies(
            x1 -> {
              assertThat(x1.opIndex()).isZero();
              assertThat(x1.message()).contains("strides [1, 2, 2, 1]");
            });
  }

  @Test
  void preluAlphaAndPackAxis() {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int alpha = m.filled("alpha", TensorType.INT8, q(0.01, 0), 1, 4, 1, 8);
    int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    m.op(BuiltinOp.PRELU, 1, BuiltinOptions.NONE, in(x, alpha), y);
    assertThat(limits(m.io(in(x), y))).singleElement().asString().contains("alpha");

    TinyModel p = new TinyModel();
    int a = p.act("a", TensorType.INT8, q(0.1, 0), 4, 8);
    int b = p.act("b", TensorType.INT8, q(0.1, 0), 4, 8);
    int ab = p.act("ab", TensorType.INT8, q(0.1, 0), 2, 4, 8);
    int ba = p.act("ba", TensorType.INT8, q(0.1, 0), 4, 8, 2);
    p.op(
        BuiltinOp.PACK,
        2,
        BuiltinOptions.of("PackOptions", "values_count", 2, "axis", 0),
        in(a, b),
        ab);
    p.op(
        BuiltinOp.PACK,
        2,
        BuiltinOptions.of("PackOptions", "values_count", 2, "axis", 2),
        in(a, b),
        ba);
    List<Finding> f = p.io(in(a, b), ab, ba).check().findings("EDGETPU_OP_LIMITATION");
    assertThat(f).singleElement().extracting(Finding::opIndex).isEqualTo(0);
  }

  @Test
  void dilatedDepthwiseNeedsRuntime13AndSqueezeBefore13() {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.UINT8, q(0.1, 128), 1, 8, 8, 4);
    int w = m.filled("w", TensorType.UINT8, q(0.01, 128), 1, 1, 3, 3, 4);
    int b = m.filled("b", TensorType.INT32, q(0.001, 0), 0, 4);
    int y = m.act("y", TensorType.UINT8, q(0.1, 128), 1, 8, 8, 4);
    m.op(
        BuiltinOp.DEPTHWISE_CONV_2D,
        2,
        BuiltinOptions.of(
            "DepthwiseConv2DOptions",
            "depth_multiplier",
            1,
            "dilation_w_factor",
            2,
            "dilation_h_factor",
            2),
        in(x, w, b),
        y);
    m.io(in(x), y);
    assertThat(limits(m, Target.DEFAULT.withEdgeTpuRuntime(12)))
        .singleElement()
        .asString()
        .contains("runtime 13");
    assertThat(limits(m, Target.DEFAULT.withEdgeTpuRuntime(13))).isEmpty();

    TinyModel s = new TinyModel();
    int in = s.act("in", TensorType.UINT8, q(0.1, 128), 5, 1, 10);
    int out = s.act("out", TensorType.UINT8, q(0.1, 128), 5, 10);
    s.op(
        BuiltinOp.SQUEEZE,
        1,
        BuiltinOptions.of("SqueezeOptions", "squeeze_dims", new int[] {1}),
        in(in),
        out);
    s.io(in(in), out);
    assertThat(limits(s, Target.DEFAULT.withEdgeTpuRuntime(12)))
        .singleElement()
        .asString()
        .contains("leading 1s");
    assertThat(limits(s, Target.DEFAULT.withEdgeTpuRuntime(13))).isEmpty();
  }

  @Test
  void fiveDimensionalTransposeAndBatchedResize() {
    TinyModel t = new TinyModel();
    int x = t.act("x", TensorType.INT8, q(0.1, 0), 1, 1, 2, 3, 4);
    int perm = t.ints("perm", 0, 1, 2, 4, 3);
    int y = t.act("y", TensorType.INT8, q(0.1, 0), 1, 1, 2, 4, 3);
    t.op(BuiltinOp.TRANSPOSE, 4, BuiltinOptions.of("TransposeOptions"), in(x, perm), y);
    assertThat(limits(t.io(in(x), y))).singleElement().asString().contains("5-D");

    TinyModel r = new TinyModel();
    int a = r.act("a", TensorType.INT8, q(0.1, 0), 2, 4, 4, 3);
    int size = r.ints("size", 8, 8);
    int b = r.act("b", TensorType.INT8, q(0.1, 0), 2, 8, 8, 3);
    r.op(BuiltinOp.RESIZE_BILINEAR, 2, BuiltinOptions.of("ResizeBilinearOptions"), in(a, size), b);
    var report = r.io(in(a), b).check();
    assertThat(report.findings("EDGETPU_OP_LIMITATION"))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("single 3-dimensional image");
    // TENSOR_RANK is checked first, so its status is the operator's status.
    assertThat(report.ops().get(0).edgetpuStatus())
        .isEqualTo(org.edgetpu4j.validator.EdgeTpuStatus.UNSUPPORTED_RANK);
    assertThat(limits(EdgeTpuRulesTest.afterRelu(BuiltinOp.RELU6, 2, BuiltinOptions.NONE)))
        .isEmpty();
  }
}
