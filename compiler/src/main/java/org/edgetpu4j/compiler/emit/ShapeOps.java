package org.edgetpu4j.compiler.emit;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Padding;
import org.tensorflow.proto.NodeDef;

/**
 * Operators without weights: pooling, reshapes, concatenation, element-wise arithmetic, the fixed-
 * range activations, mean, padding, resizing and slicing.
 */
final class ShapeOps {
  private final Lowering l;
  private final GraphView g;

  ShapeOps(Lowering l) {
    this.l = l;
    this.g = l.g;
  }

  Lowered lower(NodeDef n, Quant out, String outName) throws CompileException {
    return switch (n.getOp()) {
      case "MaxPool", "AvgPool", "MaxPoolV2", "AvgPoolV2" -> pool(n, out, outName);
      case "Reshape", "Squeeze" -> reshape(n, out, outName);
      case "ConcatV2" -> concat(n, out, outName);
      case "Softmax" ->
          fixed(
              n,
              BuiltinOp.SOFTMAX,
              1 / 256.0,
              -128,
              BuiltinOptions.of("SoftmaxOptions", "beta", 1f),
              outName);
      case "Sigmoid" -> fixed(n, BuiltinOp.LOGISTIC, 1 / 256.0, -128, BuiltinOptions.NONE, outName);
      case "Tanh" -> fixed(n, BuiltinOp.TANH, 1 / 128.0, 0, BuiltinOptions.NONE, outName);
      case "Relu" -> sameScale(n, BuiltinOp.RELU, out, BuiltinOptions.NONE, outName, List.of());
      case "Relu6" -> sameScale(n, BuiltinOp.RELU6, out, BuiltinOptions.NONE, outName, List.of());
      case "Mean" ->
          sameScale(
              n,
              BuiltinOp.MEAN,
              out,
              BuiltinOptions.of("ReducerOptions", "keep_dims", g.bool(n, "keep_dims", false)),
              outName,
              List.of(constInt32(n, 1, true)));
      case "Pad", "PadV2" -> pad(n, out, outName);
      case "ResizeBilinear", "ResizeNearestNeighbor" -> resize(n, out, outName);
      case "StridedSlice" ->
          sameScale(
              n,
              BuiltinOp.STRIDED_SLICE,
              out,
              BuiltinOptions.of(
                  "StridedSliceOptions",
                  "begin_mask",
                  g.integer(n, "begin_mask", 0),
                  "end_mask",
                  g.integer(n, "end_mask", 0),
                  "ellipsis_mask",
                  g.integer(n, "ellipsis_mask", 0),
                  "new_axis_mask",
                  g.integer(n, "new_axis_mask", 0),
                  "shrink_axis_mask",
                  g.integer(n, "shrink_axis_mask", 0)),
              outName,
              List.of(constInt32(n, 1, false), constInt32(n, 2, false), constInt32(n, 3, false)));
      default ->
          throw new CompileException(
              GraphView.describe(n)
                  + " is not supported; supported TensorFlow ops: "
                  + Lowering.SUPPORTED);
    };
  }

  /** ADD, SUB or MUL of two activations (or an activation and a constant). */
  Lowered elementwise(NodeDef n, BuiltinOp op, Activation act, Quant out, String outName)
      throws CompileException {
    Quant outQ = l.requireRange(n, out);
    int[] inputs = new int[2];
    for (int i = 0; i < 2; i++) {
      String in = g.input(n, i);
      inputs[i] = g.isConstant(in) ? constantOperand(n, in) : l.activation(in).tensor();
    }
    String table =
        switch (op) {
          case ADD -> "AddOptions";
          case SUB -> "SubOptions";
          default -> "MulOptions";
        };
    int t = l.newActivation(outName, outQ);
    l.mb.op(
        op,
        l.versions.int8Is2(),
        inputs,
        new int[] {t},
        BuiltinOptions.of(table, "fused_activation_function", act));
    return new Lowered(t, outQ);
  }

  private int constantOperand(NodeDef n, String tensor) throws CompileException {
    NodeDef fq = g.resolve(tensor);
    String raw = FakeQuantNode.is(fq) ? g.input(fq, 0) : tensor;
    TfRuntime.Value v = l.rt.evaluate(raw);
    Quant q;
    if (FakeQuantNode.is(fq)) {
      q = FakeQuantNode.quant(g, l.rt, fq, l.signed, 0);
    } else {
      double min = 0;
      double max = 0;
      for (float x : v.data()) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      if (min == max) {
        max = 1; // an all-zero constant: any scale represents it exactly
      }
      q = Quant.fromRange(new double[] {min}, new double[] {max}, 8, false, l.signed, 0);
    }
    byte[] data = new byte[v.data().length];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) q.quantize(v.data()[i], 0);
    }
    return l.mb.constant(GraphView.nodeName(tensor), l.actType, v.shape(), q.params(), data);
  }

  private Lowered pool(NodeDef n, Quant out, String outName) throws CompileException {
    Lowered in = l.activation(g.input(n, 0));
    boolean v2 = n.getOp().endsWith("V2"); // ksize and strides as constant inputs
    int[] k = v2 ? toInts(l.rt.evaluate(g.input(n, 1)).data()) : g.ints(n, "ksize", null);
    int[] s = v2 ? toInts(l.rt.evaluate(g.input(n, 2)).data()) : g.ints(n, "strides", null);
    if (k == null || s == null || k.length != 4 || s.length != 4 || k[0] != 1 || k[3] != 1) {
      throw new CompileException(
          GraphView.describe(n)
              + " needs 4-element ksize and strides pooling over height and width only");
    }
    String p = g.string(n, "padding", "VALID");
    if (!p.equals("SAME") && !p.equals("VALID")) {
      throw new CompileException(
          GraphView.describe(n) + " has padding " + p + "; expected SAME or VALID");
    }
    int t = l.newActivation(outName, in.quant());
    BuiltinOp op =
        n.getOp().startsWith("MaxPool") ? BuiltinOp.MAX_POOL_2D : BuiltinOp.AVERAGE_POOL_2D;
    l.mb.op(
        op,
        l.versions.int8Is2(),
        new int[] {in.tensor()},
        new int[] {t},
        BuiltinOptions.of(
            "Pool2DOptions",
            "padding",
            Padding.valueOf(p),
            "stride_w",
            s[2],
            "stride_h",
            s[1],
            "filter_width",
            k[2],
            "filter_height",
            k[1]));
    return l.requantize(new Lowered(t, in.quant()), out, outName);
  }

  private Lowered reshape(NodeDef n, Quant out, String outName) throws CompileException {
    Lowered in = l.activation(g.input(n, 0));
    long[] shape = l.rt.shape(n.getName(), GraphView.describe(n));
    int shapeT =
        l.mb.int32(n.getName() + "/shape", new long[] {shape.length}, ModelBuilder.ints(shape));
    int t = l.newActivation(outName, in.quant());
    l.mb.op(
        BuiltinOp.RESHAPE, 1, new int[] {in.tensor(), shapeT}, new int[] {t}, BuiltinOptions.NONE);
    return l.requantize(new Lowered(t, in.quant()), out, outName);
  }

  private Lowered concat(NodeDef n, Quant out, String outName) throws CompileException {
    int count = g.inputCount(n) - 1;
    List<Lowered> ins = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ins.add(l.activation(g.input(n, i)));
    }
    Quant outQ = out != null ? out : ins.get(0).quant();
    int[] tensors = new int[count];
    for (int i = 0; i < count; i++) {
      tensors[i] = l.requantize(ins.get(i), outQ, outName + "/input" + i).tensor();
    }
    int rank = l.rt.shape(n.getName(), GraphView.describe(n)).length;
    int axis = (int) l.rt.evaluate(g.input(n, count)).data()[0];
    int t = l.newActivation(outName, outQ);
    l.mb.op(
        BuiltinOp.CONCATENATION,
        l.versions.int8Is2(),
        tensors,
        new int[] {t},
        BuiltinOptions.of("ConcatenationOptions", "axis", axis < 0 ? axis + rank : axis));
    return new Lowered(t, outQ);
  }

  /** An op whose output has fixed parameters (given for int8; uint8 is 128 higher). */
  private Lowered fixed(
      NodeDef n, BuiltinOp op, double scale, long int8Zp, BuiltinOptions options, String outName)
      throws CompileException {
    Lowered in = l.activation(g.input(n, 0));
    Quant q = l.signed ? Quant.of(scale, int8Zp, -128, 127) : Quant.of(scale, int8Zp + 128, 0, 255);
    int t = l.newActivation(outName, q);
    l.mb.op(op, l.versions.int8Is2(), new int[] {in.tensor()}, new int[] {t}, options);
    return new Lowered(t, q);
  }

  /** An op whose output keeps (or is requantized from) its input's parameters. */
  private Lowered sameScale(
      NodeDef n,
      BuiltinOp op,
      Quant out,
      BuiltinOptions options,
      String outName,
      List<Integer> extraInputs)
      throws CompileException {
    Lowered in = l.activation(g.input(n, 0));
    Quant q =
        out != null && (op == BuiltinOp.MEAN || op == BuiltinOp.RELU || op == BuiltinOp.RELU6)
            ? out
            : in.quant();
    int[] inputs = new int[1 + extraInputs.size()];
    inputs[0] = in.tensor();
    for (int i = 0; i < extraInputs.size(); i++) {
      inputs[i + 1] = extraInputs.get(i);
    }
    int t = l.newActivation(outName, q);
    l.mb.op(op, l.versions.int8Is2(), inputs, new int[] {t}, options);
    return l.requantize(new Lowered(t, q), out, outName);
  }

  private Lowered pad(NodeDef n, Quant out, String outName) throws CompileException {
    if (n.getOp().equals("PadV2")) {
      float value = l.rt.evaluate(g.input(n, 2)).data()[0];
      if (value != 0f) {
        throw new CompileException(
            GraphView.describe(n) + " pads with " + value + "; only zero padding is supported");
      }
    }
    TfRuntime.Value p = l.rt.evaluate(g.input(n, 1));
    int paddings = l.mb.int32(n.getName() + "/paddings", p.shape(), toInts(p.data()));
    return sameScale(n, BuiltinOp.PAD, out, BuiltinOptions.NONE, outName, List.of(paddings));
  }

  private Lowered resize(NodeDef n, Quant out, String outName) throws CompileException {
    boolean bilinear = n.getOp().equals("ResizeBilinear");
    boolean half = g.bool(n, "half_pixel_centers", false);
    int size = constInt32(n, 1, false);
    Lowered in = l.activation(g.input(n, 0));
    int t = l.newActivation(outName, in.quant());
    l.mb.op(
        bilinear ? BuiltinOp.RESIZE_BILINEAR : BuiltinOp.RESIZE_NEAREST_NEIGHBOR,
        l.versions.resize(half),
        new int[] {in.tensor(), size},
        new int[] {t},
        BuiltinOptions.of(
            bilinear ? "ResizeBilinearOptions" : "ResizeNearestNeighborOptions",
            "align_corners",
            g.bool(n, "align_corners", false),
            "half_pixel_centers",
            half));
    return l.requantize(new Lowered(t, in.quant()), out, outName);
  }

  /** Constant input {@code i} of {@code n} as an int32 tensor (axes normalized if asked). */
  private int constInt32(NodeDef n, int i, boolean axes) throws CompileException {
    String in = g.input(n, i);
    if (!g.isConstant(in)) {
      throw new CompileException(
          GraphView.describe(n) + ": input " + i + " '" + in + "' must be constant after freezing");
    }
    TfRuntime.Value v = l.rt.evaluate(in);
    int[] values = toInts(v.data());
    if (axes) {
      int rank = l.rt.shape(g.input(n, 0), GraphView.describe(n)).length;
      for (int k = 0; k < values.length; k++) {
        values[k] = values[k] < 0 ? values[k] + rank : values[k];
      }
    }
    return l.mb.int32(GraphView.nodeName(in), v.shape(), values);
  }

  private static int[] toInts(float[] f) {
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Math.round(f[i]);
    }
    return out;
  }
}
