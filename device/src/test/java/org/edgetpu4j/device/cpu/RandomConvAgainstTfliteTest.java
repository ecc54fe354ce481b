package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;

/**
 * Random int8 CONV_2D and DEPTHWISE_CONV_2D shapes (sizes, strides, padding, dilation, channels,
 * fused activations) beyond the conformance set, run by our interpreter and by the real TFLite
 * interpreter. TFLite's optimized kernels may round single outputs one step away from the reference
 * kernels, so outputs must agree within one step and almost all exactly.
 */
class RandomConvAgainstTfliteTest {
  /** Shapes per run; {@code -Dedgetpu4j.convTrials=N} tries more. */
  private static final int TRIALS = Integer.getInteger("edgetpu4j.convTrials", 60);

  @Test
  void randomConvolutionsAgreeWithTflite() throws Exception {
    Random rnd = new Random(11);
    long outputs = 0;
    long exact = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      boolean depthwise = trial % 3 == 2;
      int h = 3 + rnd.nextInt(14);
      int w = 3 + rnd.nextInt(14);
      int cin = depthwise ? 1 + rnd.nextInt(12) : 1 + rnd.nextInt(20);
      int mult = depthwise ? 1 + rnd.nextInt(2) : 1;
      int cout = depthwise ? cin * mult : 1 + rnd.nextInt(24);
      int k = 1 + rnd.nextInt(3) * 2 - (rnd.nextInt(4) == 0 ? 1 : 0);
      k = Math.max(1, Math.min(k, Math.min(h, w)));
      int stride = 1 + rnd.nextInt(2);
      int dilation = stride == 1 && rnd.nextInt(4) == 0 ? 2 : 1;
      if ((k - 1) * dilation + 1 > Math.min(h, w)) {
        dilation = 1;
      }
      Padding padding = rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
      Activation act = Activation.values()[rnd.nextInt(4)];
      Model model = conv(rnd, depthwise, h, w, cin, mult, cout, k, stride, dilation, padding, act);
      byte[] input = new byte[h * w * cin];
      rnd.nextBytes(input);
      byte[] ours = Interpreter.load(model).run(List.of(input)).get(0);
      byte[] theirs;
      try (TfliteOracle tflite = TfliteOracle.load(TfliteWriter.toBytes(model), false)) {
        theirs = tflite.run(List.of(input), List.of(new int[] {1, h, w, cin})).get(0);
      }
      String what =
          String.format(
              "trial %d: %s %dx%dx%d k%d s%d d%d %s %s -> %d",
              trial,
              depthwise ? "depthwise" : "conv",
              h,
              w,
              cin,
              k,
              stride,
              dilation,
              padding,
              act,
              cout);
      assertThat(ours).as(what).hasSameSizeAs(theirs);
      for (int i = 0; i < ours.length; i++) {
        assertThat(Math.abs(ours[i] - theirs[i])).as(what + " output " + i).isLessThanOrEqualTo(1);
        exact += ours[i] == theirs[i] ? 1 : 0;
      }
      outputs += ours.length;
    }
    System.out.printf(
        "random convolutions: %d shapes, %d outputs, %.4f%% identical to TFLite%n",
        TRIALS, outputs, 100.0 * exact / outputs);
    assertThat((double) exact / outputs).as("share of outputs identical").isGreaterThan(0.99);
  }

  private static Model conv(
      Random rnd,
      boolean depthwise,
      int h,
      int w,
      int cin,
      int mult,
      int cout,
      int k,
      int stride,
      int dilation,
      Padding padding,
      Activation act) {
    int oh =
        padding == Padding.SAME
            ? (h + stride - 1) / stride
            : (h - (k - 1) * dilation - 1) / stride + 1;
    int ow =
        padding == Padding.SAME
            ? (w + stride - 1) / stride
            : (w - (k - 1) * dilation - 1) / stride + 1;
    float inScale = 0.02f + rnd.nextFloat() * 0.05f;
    long inZp = rnd.nextInt(60) - 30;
    float[] wScales = new float[cout];
    long[] wZps = new long[cout];
    float[] bScales = new float[cout];
    long[] bZps = new long[cout];
    for (int c = 0; c < cout; c++) {
      wScales[c] = 0.002f + rnd.nextFloat() * 0.01f;
      bScales[c] = inScale * wScales[c];
    }
    byte[] weights = new byte[depthwise ? k * k * cout : cout * k * k * cin];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) (rnd.nextInt(255) - 127);
    }
    ByteBuffer bias = ByteBuffer.allocate(4 * cout).order(ByteOrder.LITTLE_ENDIAN);
    for (int c = 0; c < cout; c++) {
      bias.putInt(rnd.nextInt(4001) - 2000);
    }
    float outScale = 0.05f + rnd.nextFloat() * 0.2f;
    long outZp = rnd.nextInt(40) - 20;
    int[] wShape = depthwise ? new int[] {1, k, k, cout} : new int[] {cout, k, k, cin};
    List<Tensor> tensors =
        List.of(
            Tensor.of(
                "in",
                TensorType.INT8,
                IntArray.of(1, h, w, cin),
                0,
                QuantParams.perTensor(inScale, inZp)),
            Tensor.of(
                "w",
                TensorType.INT8,
                IntArray.of(wShape),
                1,
                QuantParams.perChannel(wScales, wZps, depthwise ? 3 : 0)),
            Tensor.of(
                "b",
                TensorType.INT32,
                IntArray.of(cout),
                2,
                QuantParams.perChannel(bScales, bZps, 0)),
            Tensor.of(
                "out",
                TensorType.INT8,
                IntArray.of(1, oh, ow, cout),
                0,
                QuantParams.perTensor(outScale, outZp)));
    BuiltinOptions options =
        depthwise
            ? BuiltinOptions.of(
                "DepthwiseConv2DOptions",
                "padding",
                padding,
                "stride_w",
                stride,
                "stride_h",
                stride,
                "depth_multiplier",
                mult,
                "fused_activation_function",
                act,
                "dilation_w_factor",
                dilation,
                "dilation_h_factor",
                dilation)
            : BuiltinOptions.of(
                "Conv2DOptions",
                "padding",
                padding,
                "stride_w",
                stride,
                "stride_h",
                stride,
                "fused_activation_function",
                act,
                "dilation_w_factor",
                dilation,
                "dilation_h_factor",
                dilation);
    Subgraph g =
        new Subgraph(
            "main",
            tensors,
            IntArray.of(0),
            IntArray.of(3),
            List.of(Operator.of(0, IntArray.of(0, 1, 2), IntArray.of(3), options)));
    OperatorCode code =
        OperatorCode.builtin(depthwise ? BuiltinOp.DEPTHWISE_CONV_2D : BuiltinOp.CONV_2D, 3);
    return new Model(
        3,
        List.of(code),
        List.of(g),
        "",
        List.of(Buffer.EMPTY, Buffer.of(weights), Buffer.of(bias.array())),
        IntArray.empty(),
        List.of(),
        List.of());
  }
}
