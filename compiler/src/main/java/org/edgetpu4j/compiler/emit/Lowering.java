package org.edgetpu4j.compiler.emit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.TensorType;
import org.tensorflow.proto.NodeDef;

/**
 * Lowers a frozen FakeQuant graph to TFLite operators, walking back from the outputs. Each
 * activation takes its quantization from the FakeQuant node that consumes it; operators that keep
 * their input's scale (pooling, reshapes, padding) pass it on; SOFTMAX, LOGISTIC and TANH have the
 * fixed output scales TFLite requires. Relu and Relu6 are fused into the operator before them.
 */
final class Lowering {
  /** TF ops that can absorb a following Relu/Relu6 as a fused activation. */
  private static final Set<String> FUSABLE =
      Set.of("Conv2D", "DepthwiseConv2dNative", "MatMul", "BiasAdd", "Add", "AddV2", "Sub", "Mul");

  static final String SUPPORTED =
      "Placeholder, FakeQuantWithMinMaxVars/Args/PerChannel, Conv2D, DepthwiseConv2dNative,"
          + " MatMul, BiasAdd, Add, AddV2, Sub, Mul, Relu, Relu6, MaxPool(V2), AvgPool, Reshape,"
          + " Squeeze, ConcatV2, Mean, Pad, PadV2, Softmax, Sigmoid, Tanh, ResizeBilinear,"
          + " ResizeNearestNeighbor, StridedSlice, Conv2DBackpropInput, Identity";

  final GraphView g;
  final TfRuntime rt;
  final ModelBuilder mb;
  final EmitOptions options;
  final boolean signed;
  final TensorType actType;
  final Versions versions;
  private final Map<String, Lowered> memo = new HashMap<>();
  private final Map<String, Lowered> inputs = new HashMap<>();
  private final WeightedLayers weighted;
  private final ShapeOps shapeOps;

  Lowering(GraphView g, TfRuntime rt, ModelBuilder mb, EmitOptions options) {
    this.g = g;
    this.rt = rt;
    this.mb = mb;
    this.options = options;
    this.signed = options.precision() == EmitOptions.Precision.INT8;
    this.actType = signed ? TensorType.INT8 : TensorType.UINT8;
    this.versions = new Versions(signed);
    this.weighted = new WeightedLayers(this);
    this.shapeOps = new ShapeOps(this);
  }

  /** The model input for placeholder {@code name}, created on first use. */
  Lowered input(String name) {
    return inputs.get(name);
  }

  void defineInput(String name, Lowered value) {
    inputs.put(name, value);
  }

  /** The TFLite tensor carrying TF tensor {@code tensor}. */
  Lowered activation(String tensor) throws CompileException {
    NodeDef n = g.resolve(tensor);
    String key = n.getName();
    Lowered done = memo.get(key);
    if (done != null) {
      return done;
    }
    Lowered value;
    if (FakeQuantNode.is(n)) {
      if (g.isConstant(g.input(n, 0))) {
        throw new CompileException(
            GraphView.describe(n)
                + " quantizes a constant that is used as an activation; constants are supported as"
                + " weights of Conv2D/DepthwiseConv2dNative/MatMul and operands of Add/Sub/Mul");
      }
      Quant q = FakeQuantNode.quant(g, rt, n, signed, 0);
      value = producer(g.input(n, 0), q);
    } else {
      value = producer(tensor, null);
    }
    memo.put(key, value);
    return value;
  }

  /**
   * Lowers the op producing {@code tensor}; {@code out} is the quantization a FakeQuant right after
   * it prescribes, or null.
   */
  private Lowered producer(String tensor, Quant out) throws CompileException {
    NodeDef n = g.resolve(tensor);
    String outName = n.getName();
    Activation act = Activation.NONE;
    if (n.getOp().equals("Relu") || n.getOp().equals("Relu6")) {
      NodeDef in = g.resolve(g.input(n, 0));
      if (FUSABLE.contains(in.getOp()) && g.consumers(in.getName()).size() == 1) {
        act = n.getOp().equals("Relu") ? Activation.RELU : Activation.RELU6;
        n = in;
      }
    }
    String op = n.getOp();
    switch (op) {
      case "Placeholder":
        return placeholder(n, out);
      case "Conv2D", "DepthwiseConv2dNative", "MatMul":
        return weighted.layer(n, null, act, out, outName);
      case "BiasAdd":
        return weighted.layer(g.resolve(g.input(n, 0)), g.input(n, 1), act, out, outName);
      case "Add", "AddV2":
        {
          String bias = biasOperand(n);
          if (bias != null) {
            String other = g.input(n, 0).equals(bias) ? g.input(n, 1) : g.input(n, 0);
            return weighted.layer(g.resolve(other), bias, act, out, outName);
          }
          return shapeOps.elementwise(n, BuiltinOp.ADD, act, out, outName);
        }
      case "Sub":
        return shapeOps.elementwise(n, BuiltinOp.SUB, act, out, outName);
      case "Mul":
        return shapeOps.elementwise(n, BuiltinOp.MUL, act, out, outName);
      case "Conv2DBackpropInput":
        return weighted.transposeConv(n, null, out, outName);
      default:
        return shapeOps.lower(n, out, outName);
    }
  }

  /** The constant operand of an Add that adds a bias to a weighted layer, or null. */
  private String biasOperand(NodeDef add) throws CompileException {
    for (int i = 0; i < 2; i++) {
      String c = g.input(add, i);
      String other = g.input(add, 1 - i);
      String otherOp = g.resolve(other).getOp();
      if (g.isConstant(c)
          && !g.isConstant(other)
          && Set.of("Conv2D", "DepthwiseConv2dNative", "MatMul").contains(otherOp)
          && rt.shape(c, GraphView.describe(add)).length == 1) {
        return c;
      }
    }
    return null;
  }

  private Lowered placeholder(NodeDef n, Quant out) throws CompileException {
    Lowered existing = inputs.get(n.getName());
    if (existing != null) {
      return existing;
    }
    if (out == null) {
      throw new CompileException(
          "input "
              + GraphView.describe(n)
              + " is not followed by a FakeQuant node, so its quantization range is unknown;"
              + " add one (the training rewrite does) or calibrate the graph");
    }
    throw new CompileException(
        "input "
            + GraphView.describe(n)
            + " is not one of the inputs named"
            + " for compilation "
            + inputs.keySet());
  }

  /** Adds an activation tensor of the interior type for TF tensor {@code name}. */
  int newActivation(String name, Quant q) throws CompileException {
    return mb.activation(name, actType, rt.shape(name, name), q.params());
  }

  /** Output parameters of a range-producing op: its FakeQuant's, which must exist. */
  Quant requireRange(NodeDef n, Quant out) throws CompileException {
    if (out == null) {
      throw new CompileException(
          GraphView.describe(n)
              + " has no FakeQuant on its output, so its"
              + " quantization range is unknown; insert one (the training rewrite does) or"
              + " calibrate the graph");
    }
    return out;
  }

  /** {@code value} requantized to {@code want} when its parameters differ. */
  Lowered requantize(Lowered value, Quant want, String name) throws CompileException {
    if (want == null || value.quant().sameAs(want)) {
      return value;
    }
    int t =
        mb.activation(
            name + "/requantize",
            actType,
            toLongs(mb.tensor(value.tensor()).shape().toArray()),
            want.params());
    mb.op(BuiltinOp.QUANTIZE, 1, new int[] {value.tensor()}, new int[] {t}, BuiltinOptions.NONE);
    return new Lowered(t, want);
  }

  static long[] toLongs(int[] ints) {
    long[] out = new long[ints.length];
    for (int i = 0; i < ints.length; i++) {
      out[i] = ints[i];
    }
    return out;
  }
}
