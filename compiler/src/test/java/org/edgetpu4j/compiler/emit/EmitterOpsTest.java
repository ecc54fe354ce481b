package org.edgetpu4j.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVars;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsPerChannel;
import org.tensorflow.types.TFloat32;

/**
 * Every supported TF op, in a small FakeQuant graph built with TensorFlow Java, emitted and run in
 * the real TFLite interpreter: the integer model's dequantized output stays within two output steps
 * of TensorFlow's own fake-quant output on the same input.
 */
class EmitterOpsTest {
  private static final long[] IN = {1, 8, 8, 4};

  /** Builds the body of a test graph on the quantized input. */
  interface Body {
    Operand<TFloat32> build(Harness h, Operand<TFloat32> x);
  }

  static Stream<Arguments> graphs() {
    return Stream.of(
        Arguments.of(
            "conv+bias+relu6 per-channel",
            (Body)
                (h, x) ->
                    h.tf.nn.relu6(
                        h.tf.nn.biasAdd(
                            h.tf.nn.conv2d(
                                x, h.weights(3, 3, 4, 6, true), List.of(1L, 1L, 1L, 1L), "SAME"),
                            h.vector(6)))),
        Arguments.of(
            "conv stride 2 valid per-tensor",
            (Body)
                (h, x) ->
                    h.tf.nn.conv2d(
                        x, h.weights(3, 3, 4, 5, false), List.of(1L, 2L, 2L, 1L), "VALID")),
        Arguments.of(
            "depthwise multiplier 2 + relu",
            (Body)
                (h, x) ->
                    h.tf.nn.relu(
                        h.tf.nn.depthwiseConv2dNative(
                            x, h.weights(3, 3, 4, 2, true), List.of(1L, 1L, 1L, 1L), "SAME"))),
        Arguments.of(
            "depthwise multiplier 2, weights quantized per channel then reshaped",
            (Body)
                (h, x) ->
                    h.tf.nn.depthwiseConv2dNative(
                        x,
                        h.tf.reshape(
                            h.weights(3, 3, 1, 8, true), h.tf.constant(new int[] {3, 3, 4, 2})),
                        List.of(1L, 1L, 1L, 1L),
                        "SAME")),
        Arguments.of(
            "reshape + matmul + bias",
            (Body)
                (h, x) ->
                    h.tf.nn.biasAdd(
                        h.tf.linalg.matMul(
                            h.tf.reshape(x, h.tf.constant(new int[] {1, -1})),
                            h.weights2d(256, 10)),
                        h.vector(10))),
        Arguments.of(
            "add of two branches",
            (Body)
                (h, x) ->
                    h.tf.math.add(
                        h.act(
                            h.tf.nn.conv2d(
                                x, h.weights(1, 1, 4, 4, true), List.of(1L, 1L, 1L, 1L), "SAME")),
                        x)),
        Arguments.of("mul and sub", (Body) (h, x) -> h.tf.math.sub(h.act(h.tf.math.mul(x, x)), x)),
        Arguments.of(
            "concat",
            (Body)
                (h, x) ->
                    h.tf.concat(
                        List.of(
                            x,
                            h.act(
                                h.tf.nn.conv2d(
                                    x,
                                    h.weights(1, 1, 4, 3, true),
                                    List.of(1L, 1L, 1L, 1L),
                                    "SAME"))),
                        h.tf.constant(3))),
        Arguments.of(
            "max pool v2 + avg pool",
            (Body)
                (h, x) ->
                    h.tf.nn.avgPool(
                        h.tf.nn.maxPool(
                            x,
                            h.tf.constant(new int[] {1, 2, 2, 1}),
                            h.tf.constant(new int[] {1, 2, 2, 1}),
                            "VALID"),
                        List.of(1L, 2L, 2L, 1L),
                        List.of(1L, 1L, 1L, 1L),
                        "SAME")),
        Arguments.of(
            "mean over h,w",
            (Body)
                (h, x) -> h.tf.math.mean(x, h.tf.constant(new int[] {1, 2}), Mean.keepDims(false))),
        Arguments.of(
            "pad",
            (Body)
                (h, x) ->
                    h.tf.pad(
                        x,
                        h.tf.constant(new int[][] {{0, 0}, {1, 2}, {2, 1}, {0, 0}}),
                        h.tf.constant(0f))),
        Arguments.of(
            "softmax",
            (Body) (h, x) -> h.tf.nn.softmax(h.tf.reshape(x, h.tf.constant(new int[] {1, -1})))),
        Arguments.of("sigmoid", (Body) (h, x) -> h.tf.math.sigmoid(x)),
        Arguments.of("tanh", (Body) (h, x) -> h.tf.math.tanh(x)),
        Arguments.of(
            "resize bilinear half-pixel",
            (Body)
                (h, x) ->
                    h.tf.image.resizeBilinear(
                        x,
                        h.tf.constant(new int[] {13, 11}),
                        ResizeBilinear.halfPixelCenters(true))),
        Arguments.of(
            "strided slice",
            (Body)
                (h, x) ->
                    h.tf.stridedSlice(
                        x,
                        h.tf.constant(new int[] {0, 1, 0, 0}),
                        h.tf.constant(new int[] {1, 7, 8, 3}),
                        h.tf.constant(new int[] {1, 2, 3, 1}))),
        Arguments.of(
            "transpose conv",
            (Body)
                (h, x) ->
                    h.tf.nn.conv2dBackpropInput(
                        h.tf.constant(new int[] {1, 16, 16, 3}),
                        h.weights(3, 3, 3, 4, false),
                        x,
                        List.of(1L, 2L, 2L, 1L),
                        "SAME")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void integerModelFollowsTheFakeQuantGraph(String name, Body body) throws Exception {
    for (EmitOptions.IoType io : EmitOptions.IoType.values()) {
      check(name, body, EmitOptions.Precision.INT8, io);
    }
    if (!name.startsWith("conv+bias") && !name.startsWith("depthwise")) { // per-channel: int8 only
      check(name, body, EmitOptions.Precision.UINT8, EmitOptions.IoType.UINT8);
    }
  }

  private static void check(String name, Body body, EmitOptions.Precision p, EmitOptions.IoType io)
      throws Exception {
    try (Harness h = new Harness(p == EmitOptions.Precision.UINT8)) {
      Operand<TFloat32> out = h.act(body.build(h, h.input()));
      Model model =
          TfliteEmitter.emit(
              h.graph.toGraphDef(),
              new EmitOptions(
                  List.of(new EmitOptions.IoSpec("x", IN)),
                  List.of(out.op().name()),
                  p,
                  io,
                  Optional.empty()));
      var report = Validator.check(model, Target.DEFAULT);
      assertThat(report.findings("OP_VERSION_MISMATCH"))
          .as("%s %s/%s: the validator recomputes the emitted versions", name, p, io)
          .isEmpty();
      // float edges stay on the CPU; the test's strided slice has strides 2 and 3, which the
      // Edge TPU does not take; everything else maps fully
      boolean mapsFully = io != EmitOptions.IoType.FLOAT32 && !name.startsWith("strided");
      assertThat(report.edgetpuCompatible())
          .as("%s %s/%s Edge TPU compatible: %s", name, p, io, report.findings())
          .isEqualTo(mapsFully);
      float[] want = h.run(out);
      float[] got = h.runTflite(model, io);
      QuantParams outQ = model.mainSubgraph().operators().isEmpty() ? null : interiorOutput(model);
      double step = outQ.scale().get(0);
      double worst = 0;
      for (int i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs(want[i] - got[i]) / step);
      }
      assertThat(got).as("%s %s/%s", name, p, io).hasSameSizeAs(want);
      assertThat(worst)
          .as("%s %s/%s: worst difference in output steps", name, p, io)
          .isLessThanOrEqualTo(2.0);
    }
  }

  private static QuantParams interiorOutput(Model model) {
    var g = model.mainSubgraph();
    var last = g.operators().get(g.operators().size() - 1);
    var t = g.tensor(last.output(0));
    return t.quantization().isQuantized()
        ? t.quantization()
        : g.tensor(last.input(0)).quantization();
  }

  /** A graph under construction with a session to run it and seeded random data. */
  static final class Harness implements AutoCloseable {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Session session = new Session(graph);
    final Random rnd = new Random(7);
    final float[] inputValues;
    final long[] shape;
    private final boolean legacy;
    private Placeholder<TFloat32> x;

    Harness(boolean legacy) {
      this(legacy, IN);
    }

    Harness(boolean legacy, long[] shape) {
      this.legacy = legacy;
      this.shape = shape.clone();
      // inputs on the quantization grid of [-1, 1], inside the range, so TensorFlow and TFLite
      // see the same numbers
      inputValues = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
      double scale = 2.0 / 255;
      for (int i = 0; i < inputValues.length; i++) {
        inputValues[i] = (float) ((rnd.nextInt(241) - 120) * scale);
      }
    }

    Operand<TFloat32> input() {
      x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
      return tf.quantization.fakeQuantWithMinMaxVars(x, tf.constant(-1f), tf.constant(1f));
    }

    /** Appends a FakeQuant whose range is what the tensor takes on the test input. */
    Operand<TFloat32> act(Operand<TFloat32> y) {
      float[] v = run(y);
      float min = 0;
      float max = 0;
      for (float f : v) {
        min = Math.min(min, f);
        max = Math.max(max, f);
      }
      if (max - min < 1e-3f) {
        max = min + 1;
      }
      return tf.quantization.fakeQuantWithMinMaxVars(y, tf.constant(min), tf.constant(max));
    }

    /** Conv-style weights [kh, kw, in, out] with their (per-channel) FakeQuant. */
    Operand<TFloat32> weights(int kh, int kw, int in, int out, boolean perChannel) {
      float[] w = new float[kh * kw * in * out];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (rnd.nextGaussian() * 0.3);
      }
      Operand<TFloat32> c = tf.constant(Shape.of(kh, kw, in, out), DataBuffers.of(w));
      return quantizeWeights(c, w, out, perChannel);
    }

    Operand<TFloat32> weights2d(int in, int out) {
      float[] w = new float[in * out];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (rnd.nextGaussian() * 0.1);
      }
      return quantizeWeights(tf.constant(Shape.of(in, out), DataBuffers.of(w)), w, out, true);
    }

    private Operand<TFloat32> quantizeWeights(
        Operand<TFloat32> c, float[] w, int channels, boolean perChannel) {
      float[] m = new float[perChannel ? channels : 1];
      for (int i = 0; i < w.length; i++) {
        int k = perChannel ? i % channels : 0;
        m[k] = Math.max(m[k], Math.abs(w[i]));
      }
      if (legacy) { // asymmetric per-tensor, the TF1 default
        float min = 0;
        float max = 0;
        for (float f : w) {
          min = Math.min(min, f);
          max = Math.max(max, f);
        }
        return tf.quantization.fakeQuantWithMinMaxVars(
            c, tf.constant(min), tf.constant(max), FakeQuantWithMinMaxVars.narrowRange(true));
      }
      float[] neg = new float[m.length];
      for (int k = 0; k < m.length; k++) {
        neg[k] = -m[k];
      }
      if (perChannel) {
        return tf.quantization.fakeQuantWithMinMaxVarsPerChannel(
            c,
            tf.constant(neg),
            tf.constant(m),
            FakeQuantWithMinMaxVarsPerChannel.narrowRange(true));
      }
      return tf.quantization.fakeQuantWithMinMaxVars(
          c, tf.constant(neg[0]), tf.constant(m[0]), FakeQuantWithMinMaxVars.narrowRange(true));
    }

    Operand<TFloat32> vector(int n) {
      float[] b = new float[n];
      for (int i = 0; i < n; i++) {
        b[i] = (float) (rnd.nextGaussian() * 0.2);
      }
      return tf.constant(b);
    }

    float[] run(Operand<TFloat32> y) {
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(inputValues));
          Tensor t = session.runner().feed(x, in).fetch(y).run().get(0)) {
        float[] out = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(out);
        return out;
      }
    }

    float[] runTflite(Model model, EmitOptions.IoType io) throws Exception {
      var g = model.mainSubgraph();
      QuantParams inQ = g.inputTensor(0).quantization();
      byte[] in;
      if (io == EmitOptions.IoType.FLOAT32) {
        java.nio.ByteBuffer b =
            java.nio.ByteBuffer.allocate(4 * inputValues.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : inputValues) {
          b.putFloat(f);
        }
        in = b.array();
      } else {
        long lo = io == EmitOptions.IoType.UINT8 ? 0 : -128;
        in = new byte[inputValues.length];
        for (int i = 0; i < in.length; i++) {
          in[i] = (byte) inQ.quantize(inputValues[i], lo, lo + 255);
        }
      }
      byte[] out;
      try (TfliteOracle o = TfliteOracle.load(TfliteWriter.toBytes(model), false)) {
        out =
            o.run(List.of(in), List.of(Arrays.stream(shape).mapToInt(d -> (int) d).toArray()))
                .get(0);
      }
      var outT = g.outputTensor(0);
      if (io == EmitOptions.IoType.FLOAT32) {
        float[] f = new float[out.length / 4];
        java.nio.ByteBuffer.wrap(out)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer()
            .get(f);
        return f;
      }
      float[] f = new float[out.length];
      for (int i = 0; i < f.length; i++) {
        long q = io == EmitOptions.IoType.UINT8 ? out[i] & 0xFF : out[i];
        f[i] = outT.quantization().dequantize(q);
      }
      return f;
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }
}
