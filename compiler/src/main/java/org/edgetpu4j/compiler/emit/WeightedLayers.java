package org.edgetpu4j.compiler.emit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.TensorType;
import org.tensorflow.proto.NodeDef;

/**
 * Conv2D, DepthwiseConv2dNative, MatMul and Conv2DBackpropInput with their weights and biases:
 * weights transposed to TFLite's layouts and quantized with their FakeQuant's parameters, biases
 * quantized to int32 at input scale times weight scale.
 */
final class WeightedLayers {
  private final Lowering l;
  private final GraphView g;

  WeightedLayers(Lowering l) {
    this.l = l;
    this.g = l.g;
  }

  /** A convolution or matrix multiply with an optional bias and fused activation. */
  Lowered layer(NodeDef n, String bias, Activation act, Quant out, String outName)
      throws CompileException {
    String where = GraphView.describe(n);
    Quant outQ = l.requireRange(n, out);
    Lowered in = l.activation(g.input(n, 0));
    Weights w;
    BuiltinOp op;
    BuiltinOptions options;
    int version;
    switch (n.getOp()) {
      case "Conv2D" -> {
        checkNhwc(n);
        w = weights(n, Layout.CONV);
        int[] strides = g.ints(n, "strides", new int[] {1, 1, 1, 1});
        int[] dilations = g.ints(n, "dilations", new int[] {1, 1, 1, 1});
        op = BuiltinOp.CONV_2D;
        options =
            BuiltinOptions.of(
                "Conv2DOptions",
                "padding",
                padding(n),
                "stride_w",
                strides[2],
                "stride_h",
                strides[1],
                "fused_activation_function",
                act,
                "dilation_w_factor",
                dilations[2],
                "dilation_h_factor",
                dilations[1]);
        version = l.versions.conv(dilations[1] != 1 || dilations[2] != 1);
      }
      case "DepthwiseConv2dNative" -> {
        checkNhwc(n);
        w = weights(n, Layout.DEPTHWISE);
        int[] strides = g.ints(n, "strides", new int[] {1, 1, 1, 1});
        int[] dilations = g.ints(n, "dilations", new int[] {1, 1, 1, 1});
        op = BuiltinOp.DEPTHWISE_CONV_2D;
        options =
            BuiltinOptions.of(
                "DepthwiseConv2DOptions",
                "padding",
                padding(n),
                "stride_w",
                strides[2],
                "stride_h",
                strides[1],
                "depth_multiplier",
                w.depthMultiplier(),
                "fused_activation_function",
                act,
                "dilation_w_factor",
                dilations[2],
                "dilation_h_factor",
                dilations[1]);
        version = l.versions.depthwise(dilations[1] != 1 || dilations[2] != 1);
      }
      case "MatMul" -> {
        if (g.bool(n, "transpose_a", false)) {
          throw new CompileException(
              where
                  + " has transpose_a; FULLY_CONNECTED needs the"
                  + " activation as the left operand, untransposed");
        }
        w = weights(n, g.bool(n, "transpose_b", false) ? Layout.MATMUL_T : Layout.MATMUL);
        op = BuiltinOp.FULLY_CONNECTED;
        options = BuiltinOptions.of("FullyConnectedOptions", "fused_activation_function", act);
        version = l.versions.fullyConnected(false);
      }
      default -> throw new CompileException(where + " is not a weighted layer");
    }
    int biasTensor = bias(n, bias, in.quant(), w, op != BuiltinOp.FULLY_CONNECTED);
    int outT = l.newActivation(outName, outQ);
    l.mb.op(
        op, version, new int[] {in.tensor(), w.tensor(), biasTensor}, new int[] {outT}, options);
    return new Lowered(outT, outQ);
  }

  /** Conv2DBackpropInput as TRANSPOSE_CONV (with a bias when {@code bias} is given). */
  Lowered transposeConv(NodeDef n, String bias, Quant out, String outName) throws CompileException {
    checkNhwc(n);
    Quant outQ = l.requireRange(n, out);
    Lowered in = l.activation(g.input(n, 2));
    Weights w = weights(n, Layout.TRANSPOSE_CONV);
    int[] strides = g.ints(n, "strides", new int[] {1, 1, 1, 1});
    long[] shape = l.rt.shape(n.getName(), GraphView.describe(n));
    int outputShape =
        l.mb.int32(
            n.getName() + "/output_shape", new long[] {shape.length}, ModelBuilder.ints(shape));
    int biasTensor = bias(n, bias, in.quant(), w, false);
    int outT = l.newActivation(outName, outQ);
    int[] inputs =
        biasTensor < 0
            ? new int[] {outputShape, w.tensor(), in.tensor()}
            : new int[] {outputShape, w.tensor(), in.tensor(), biasTensor};
    l.mb.op(
        BuiltinOp.TRANSPOSE_CONV,
        l.versions.transposeConv(biasTensor >= 0),
        inputs,
        new int[] {outT},
        BuiltinOptions.of(
            "TransposeConvOptions",
            "padding",
            padding(n),
            "stride_w",
            strides[2],
            "stride_h",
            strides[1]));
    return new Lowered(outT, outQ);
  }

  /** Where the output channels are in each TF weight layout, and how to reorder to TFLite's. */
  enum Layout {
    /** TF [kh, kw, in, out] to TFLite [out, kh, kw, in]. */
    CONV,
    /** TF [kh, kw, in, multiplier] to TFLite [1, kh, kw, in * multiplier]. */
    DEPTHWISE,
    /** TF [in, out] to TFLite [out, in]. */
    MATMUL,
    /** TF [out, in] (transpose_b) to TFLite [out, in]. */
    MATMUL_T,
    /** TF [kh, kw, out, in] to TFLite [out, kh, kw, in]. */
    TRANSPOSE_CONV
  }

  /** Quantized weights added to the model. */
  record Weights(int tensor, Quant quant, int depthMultiplier) {}

  private Weights weights(NodeDef layer, Layout layout) throws CompileException {
    String where = GraphView.describe(layer);
    String wName = g.input(layer, 1);
    NodeDef fq = g.resolve(wName);
    long[] reshapedTo = null;
    if (fq.getOp().equals("Reshape") && FakeQuantNode.is(g.resolve(g.input(fq, 0)))) {
      // weights quantized in another shape, then reshaped (depthwise with a multiplier > 1
      // quantized per in*multiplier channel): same element order, the FakeQuant's parameters
      reshapedTo = l.rt.shape(wName, GraphView.describe(layer));
      fq = g.resolve(g.input(fq, 0));
    }
    String raw = FakeQuantNode.is(fq) ? g.input(fq, 0) : wName;
    if (!g.isConstant(raw)) {
      throw new CompileException(
          where
              + ": its weights '"
              + GraphView.nodeName(raw)
              + "' are not constant; freeze the graph (variables to constants) first");
    }
    TfRuntime.Value v = l.rt.evaluate(raw);
    if (reshapedTo != null) {
      v = new TfRuntime.Value(reshapedTo, v.data());
    }
    for (float x : v.data()) {
      if (!Float.isFinite(x)) {
        throw new CompileException(
            where
                + ": its weights '"
                + GraphView.nodeName(raw)
                + "' contain "
                + x
                + "; expected finite values");
      }
    }
    WeightLayout reordered = WeightLayout.reorder(v, layout, where);
    int channels = reordered.shape()[reordered.channelDim()];
    Quant q;
    if (FakeQuantNode.is(fq)) {
      q = FakeQuantNode.quant(g, l.rt, fq, l.signed, reordered.channelDim());
      q = WeightLayout.expandPerChannel(q, channels, layout, where);
    } else {
      q = WeightLayout.fromData(reordered, l.signed);
    }
    if (l.signed) {
      for (long zp : q.zeroPoints()) {
        if (zp != 0) {
          throw new CompileException(
              where
                  + ": its weight FakeQuant '"
                  + fq.getName()
                  + "' gives int8 zero point "
                  + zp
                  + "; int8 weights need zero point 0 (a"
                  + " symmetric, narrow_range range with min = -max). Train with symmetric weight"
                  + " quantization, or emit legacy uint8 (--precision uint8)");
        }
      }
    }
    byte[] data = new byte[reordered.data().length];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) q.quantize(reordered.data()[i], reordered.channelOf(i));
    }
    int t =
        l.mb.constant(
            GraphView.nodeName(fq.getName()),
            l.actType,
            toLongs(reordered.shape()),
            q.params(),
            data);
    return new Weights(t, q, reordered.depthMultiplier());
  }

  private int bias(NodeDef layer, String bias, Quant input, Weights w, boolean zeroIfAbsent)
      throws CompileException {
    int channels = l.mb.tensor(w.tensor()).shape().get(w.quant().dimension());
    float[] values;
    String name;
    if (bias == null) {
      if (!zeroIfAbsent) {
        return -1;
      }
      values = new float[channels];
      name = layer.getName() + "/bias";
    } else {
      TfRuntime.Value v = l.rt.evaluate(bias);
      values = v.data();
      name = GraphView.nodeName(bias);
      if (values.length != channels) {
        throw new CompileException(
            GraphView.describe(layer)
                + ": bias '"
                + name
                + "' has "
                + values.length
                + " values for "
                + channels
                + " output channels");
      }
    }
    Quant q = Quant.bias(input, w.quant());
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int c = 0; c < values.length; c++) {
      if (!Float.isFinite(values[c])) {
        throw new CompileException(
            GraphView.describe(layer)
                + ": bias '"
                + name
                + "' contains "
                + values[c]
                + "; expected finite values");
      }
      b.putInt((int) q.quantize(values[c], c));
    }
    return l.mb.constant(name, TensorType.INT32, new long[] {values.length}, q.params(), b.array());
  }

  private Padding padding(NodeDef n) throws CompileException {
    String p = g.string(n, "padding", "VALID");
    return switch (p) {
      case "SAME" -> Padding.SAME;
      case "VALID" -> Padding.VALID;
      default ->
          throw new CompileException(
              GraphView.describe(n)
                  + " has padding "
                  + p
                  + "; TFLite supports SAME and VALID (put explicit padding in a Pad op)");
    };
  }

  private void checkNhwc(NodeDef n) throws CompileException {
    String format = g.string(n, "data_format", "NHWC");
    if (!format.equals("NHWC")) {
      throw new CompileException(
          GraphView.describe(n) + " uses data_format " + format + "; TFLite needs NHWC");
    }
  }

  private static long[] toLongs(int[] ints) {
    return Lowering.toLongs(ints);
  }
}
