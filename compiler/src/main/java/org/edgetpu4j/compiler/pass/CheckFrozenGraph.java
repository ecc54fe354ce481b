package org.edgetpu4j.compiler.pass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.graph.TensorProtos;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * {@code check-frozen-graph}: the preconditions of TFLite emission, checked before any output is
 * written. The graph is returned unchanged; all problems are reported together in one {@link
 * GraphException}, each naming the node and its op type:
 *
 * <ol>
 *   <li>every op is one the emitter lowers (or a FakeQuant, Const, Placeholder, Identity, NoOp);
 *   <li>no variables remain, and every conv/matmul weight is computed from constants only;
 *   <li>float constants hold no NaN or infinity;
 *   <li>every constant FakeQuant range has min &lt; max;
 *   <li>every float tensor has a fully static shape.
 * </ol>
 */
public final class CheckFrozenGraph implements Pass {
  /** TensorFlow ops the TFLite emitter lowers, plus the structural ones it consumes. */
  public static final Set<String> SUPPORTED =
      Set.of(
          "Conv2D",
          "DepthwiseConv2dNative",
          "MatMul",
          "BiasAdd",
          "Relu",
          "Relu6",
          "MaxPool",
          "AvgPool",
          "Add",
          "AddV2",
          "Sub",
          "Mul",
          "ConcatV2",
          "Reshape",
          "Squeeze",
          "Mean",
          "Pad",
          "Softmax",
          "Sigmoid",
          "Tanh",
          "ResizeBilinear",
          "ResizeNearestNeighbor",
          "Conv2DBackpropInput",
          "StridedSlice",
          "FakeQuantWithMinMaxVars",
          "FakeQuantWithMinMaxVarsPerChannel",
          "FakeQuantWithMinMaxArgs",
          "Const",
          "Placeholder",
          "Identity",
          "NoOp");

  @Override
  public String name() {
    return "check-frozen-graph";
  }

  @Override
  public String description() {
    return "Check that a frozen graph can be emitted as a fully integer TFLite model.";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    List<String> problems = problems(g);
    if (!problems.isEmpty()) {
      throw new GraphException(
          "the graph cannot be emitted ("
              + problems.size()
              + " problems):\n  "
              + String.join("\n  ", problems));
    }
    ctx.count("checked", g.nodes().size());
    return g;
  }

  /** All problems found, one message each. */
  public static List<String> problems(TfGraph g) {
    List<String> out = new ArrayList<>();
    for (NodeDef n : g.nodes()) {
      String at = "node '" + n.getName() + "' (" + n.getOp() + "): ";
      if (n.getOp().equals("VariableV2") || n.getOp().equals("VarHandleOp")) {
        out.add(at + "variable left in the graph; freeze it first");
      } else if (!SUPPORTED.contains(n.getOp())) {
        out.add(at + "op type not supported; supported: " + new TreeSet<>(SUPPORTED));
      }
      if (n.getOp().equals("Const") && TfGraph.attr(n, "dtype").getType() == DataType.DT_FLOAT) {
        FloatTensor v = TensorProtos.toFloat(n.getAttrOrThrow("value").getTensor());
        for (int i = 0; i < v.size(); i++) {
          if (!Float.isFinite(v.get(i))) {
            out.add(at + "constant holds " + v.get(i) + " at element " + i);
            break;
          }
        }
      }
      if (n.getOp().startsWith("FakeQuantWithMinMax")) {
        checkRange(g, n, at, out);
      }
      if (QuantPlacement.LAYERS.contains(n.getOp()) && !constantOnly(g, n.getInput(1))) {
        out.add(at + "weight input '" + n.getInput(1) + "' is not constant after freezing");
      }
    }
    if (out.isEmpty()) {
      StaticShapes shapes = StaticShapes.of(g);
      for (NodeDef n : g.nodes()) {
        if (n.getOp().equals("NoOp")) {
          continue;
        }
        long[] s = shapes.of(n.getName()).orElse(null);
        if (s == null || Arrays.stream(s).anyMatch(d -> d < 0)) {
          out.add(
              "node '"
                  + n.getName()
                  + "' ("
                  + n.getOp()
                  + "): output shape "
                  + (s == null ? "of unknown rank" : Arrays.toString(s))
                  + " is not static; set the input shapes");
        }
      }
    }
    return out;
  }

  private static void checkRange(TfGraph g, NodeDef n, String at, List<String> out) {
    if (n.getOp().equals("FakeQuantWithMinMaxArgs")) {
      float min = TfGraph.attr(n, "min").getF();
      float max = TfGraph.attr(n, "max").getF();
      if (!(min < max)) {
        out.add(at + "range min " + min + " >= max " + max);
      }
      return;
    }
    String lo = throughIdentity(g, n.getInput(1));
    String hi = throughIdentity(g, n.getInput(2));
    if (!g.isConst(lo) || !g.isConst(hi)) {
      out.add(at + "min/max are not constants; freeze and fold constants first");
      return;
    }
    FloatTensor min = g.constValue(lo);
    FloatTensor max = g.constValue(hi);
    for (int c = 0; c < Math.min(min.size(), max.size()); c++) {
      if (!(min.get(c) < max.get(c))) {
        out.add(
            at
                + "range min "
                + min.get(c)
                + " >= max "
                + max.get(c)
                + (min.size() > 1 ? " in channel " + c : ""));
      }
    }
  }

  private static String throughIdentity(TfGraph g, String tensor) {
    NodeDef n = g.producer(tensor);
    return n.getOp().equals("Identity") ? throughIdentity(g, n.getInput(0)) : tensor;
  }

  private static boolean constantOnly(TfGraph g, String tensor) {
    NodeDef n = g.producer(tensor);
    if (n.getOp().equals("Const")) {
      return true;
    }
    if (n.getOp().equals("Placeholder") || n.getInputCount() == 0) {
      return false;
    }
    for (String in : n.getInputList()) {
      if (!in.startsWith("^") && !constantOnly(g, in)) {
        return false;
      }
    }
    return true;
  }
}
