package org.edgetpu4j.compiler.pass;

import java.util.List;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.NodeDef;

/**
 * {@code fold-batch-norm}: folds {@code FusedBatchNorm[V3]} into the preceding Conv2D or
 * DepthwiseConv2dNative (Jacob et al. 2017, section 3.2).
 *
 * <pre>
 * Before:  x -> Conv2D(x, W) -> FusedBatchNormV3(gamma, beta, mean, var) -> y
 * Eval:    x -> Conv2D_Fold(x, W * m) -> BiasAdd(beta - mean * m) -> y,   m = gamma / sqrt(var + eps)
 * Train:   x -> Conv2D_Fold(x, W * gamma / s_mv) -> Mul(c) -> BiasAdd(beta - mu_B gamma / s_B + o) -> y
 *          s_B = sqrt(var_B + eps), s_mv = sqrt(moving_var + eps) (moving stats updated this step)
 *          before freeze: c = s_mv / s_B, o = 0          (exact batch norm with batch statistics)
 *          after freeze:  c = 1, o = gamma (mu_B / s_B - mu_mv / s_mv)   (batch norm with moving stats)
 * </pre>
 *
 * <p>In training mode the batch moments are computed explicitly ({@code Mean}, {@code
 * SquaredDifference}) from the unfolded conv, because TensorFlow's FusedBatchNorm gives no gradient
 * through its statistics outputs; the moving mean and variance are updated by {@code AssignSub}
 * with {@code momentum} until {@code step >= freezeBatchNormDelay}, then held. The quantized weight
 * {@code W * gamma / s_mv} depends only on slowly moving statistics, as the integer kernel will.
 *
 * <p>Preconditions (otherwise the site is skipped and counted): the conv output feeds only the
 * batch norm; only output 0 of the batch norm is used; in training mode the moving statistics are
 * variables. MatMul followed by batch norm is not folded.
 */
public final class FoldBatchNorm implements Pass {
  /** Which form to build. */
  public enum Mode {
    /** Moving statistics, no corrections: for eval graphs and freezing. */
    EVAL,
    /** Batch statistics with corrections and moving-average updates: for training graphs. */
    TRAINING
  }

  private final Mode mode;
  private final float momentum;
  private final long freezeDelay;

  private FoldBatchNorm(Mode mode, float momentum, long freezeDelay) {
    this.mode = mode;
    this.momentum = momentum;
    this.freezeDelay = freezeDelay;
  }

  /** The eval form. */
  public static FoldBatchNorm eval() {
    return new FoldBatchNorm(Mode.EVAL, 0f, 0);
  }

  /**
   * The training form; moving statistics follow {@code momentum} and freeze once the quantization
   * step reaches {@code freezeDelay} ({@link Long#MAX_VALUE}: never).
   */
  public static FoldBatchNorm training(float momentum, long freezeDelay) {
    return new FoldBatchNorm(Mode.TRAINING, momentum, freezeDelay);
  }

  @Override
  public String name() {
    return "fold-batch-norm";
  }

  @Override
  public String description() {
    return "Fold FusedBatchNorm into the preceding convolution (" + mode + " form).";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    GraphEditor e = g.edit();
    StaticShapes shapes = null;
    for (NodeDef bn : g.nodes()) {
      if (!bn.getOp().startsWith("FusedBatchNorm") || bn.getOp().startsWith("FusedBatchNormGrad")) {
        continue;
      }
      NodeDef layer = g.producer(bn.getInput(0));
      String skip = precondition(g, bn, layer);
      if (skip != null) {
        ctx.count("skipped(" + skip + ")");
        continue;
      }
      long[] dw = null;
      if (layer.getOp().equals("DepthwiseConv2dNative")) {
        shapes = shapes == null ? StaticShapes.of(g) : shapes;
        dw = shapes.require(layer.getInput(1), layer.getOp());
      }
      float eps = bn.containsAttr("epsilon") ? bn.getAttrOrThrow("epsilon").getF() : 1e-4f;
      FoldBuilder f =
          new FoldBuilder(e, QuantPlacement.scope(layer.getName()) + "/BatchNorm_Fold/");
      String out =
          mode == Mode.EVAL
              ? f.eval(layer, bn, eps, dw)
              : f.training(
                  layer,
                  bn,
                  eps,
                  dw,
                  momentum,
                  freezeDelay,
                  new String[] {variable(g, bn.getInput(3)), variable(g, bn.getInput(4))});
      e.reroute(bn.getName(), out, java.util.Set.of());
      e.remove(bn.getName());
      if (mode == Mode.EVAL) {
        e.remove(layer.getName());
      }
      ctx.count("folded");
    }
    e.dropDanglingControlInputs();
    return e.build();
  }

  private String precondition(TfGraph g, NodeDef bn, NodeDef layer) {
    if (!layer.getOp().equals("Conv2D") && !layer.getOp().equals("DepthwiseConv2dNative")) {
      return "not after a convolution";
    }
    if (g.consumers(layer.getName()).size() != 1) {
      return "conv output has other consumers";
    }
    if (!TfGraph.attr(bn, "data_format").getS().toStringUtf8().matches("|NHWC")) {
      return "not NHWC";
    }
    for (String c : g.consumers(bn.getName())) {
      for (String in : g.node(c).getInputList()) {
        TensorName t = TensorName.parse(in);
        if (t.node().equals(bn.getName()) && t.index() > 0) {
          return "statistics outputs used";
        }
      }
    }
    if (mode == Mode.TRAINING
        && (variable(g, bn.getInput(3)) == null || variable(g, bn.getInput(4)) == null)) {
      return "moving statistics not variables";
    }
    return null;
  }

  /** The VariableV2 behind a tensor read directly or through Identity nodes, or null. */
  static String variable(TfGraph g, String tensor) {
    NodeDef n = g.producer(tensor);
    while (n.getOp().equals("Identity")) {
      n = g.producer(n.getInput(0));
    }
    return List.of("VariableV2", "Variable").contains(n.getOp()) ? n.getName() : null;
  }

  static NodeDef.Builder clone(NodeDef layer, String weight) {
    return layer.toBuilder().setName(layer.getName() + "_Fold").setInput(1, weight);
  }

  static NodeDef biasAdd(String name, String x, String bias) {
    return Nodes.floatOp("BiasAdd", name, x, bias)
        .putAttr("data_format", Nodes.string("NHWC"))
        .build();
  }
}
