package org.edgetpu4j.compiler.pass;

import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.tensorflow.proto.NodeDef;

/** Builds the nodes of one batch-norm fold under {@code <scope>/BatchNorm_Fold/}. */
final class FoldBuilder {
  private final GraphEditor e;
  private final String p;

  FoldBuilder(GraphEditor e, String prefix) {
    this.e = e;
    this.p = prefix;
  }

  private String f(String op, String name, String... in) {
    return e.add(Nodes.floatOp(op, p + name, in).build());
  }

  /** Eval form; returns the tensor replacing the batch norm's output. */
  String eval(NodeDef layer, NodeDef bn, float eps, long[] dw) {
    String epsilon = e.add(Nodes.scalar(p + "epsilon", eps));
    String rsqrt = f("Rsqrt", "rsqrt", f("AddV2", "add_eps", bn.getInput(4), epsilon));
    String mult = f("Mul", "multiplier", bn.getInput(1), rsqrt);
    String bias = f("Sub", "bias", bn.getInput(2), f("Mul", "mean_scaled", bn.getInput(3), mult));
    String fold = f("Mul", "mul_fold", layer.getInput(1), perChannel(mult, dw));
    String conv = e.add(FoldBatchNorm.clone(layer, fold));
    return e.add(FoldBatchNorm.biasAdd(p + "add_fold", conv, bias));
  }

  /** Training form with corrections; returns the tensor replacing the batch norm's output. */
  String training(
      NodeDef layer, NodeDef bn, float eps, long[] dw, float momentum, long delay, String[] vars) {
    String gamma = bn.getInput(1);
    String beta = bn.getInput(2);
    String raw = layer.getName();
    String axes = e.add(Nodes.intConstant(p + "moment_axes", new int[] {0, 1, 2}, 3));
    String mean = e.add(Nodes.reduce("Mean", p + "batch_mean", raw, axes, false));
    String meanSg = f("StopGradient", "batch_mean_sg", mean);
    String var =
        e.add(
            Nodes.reduce(
                "Mean",
                p + "batch_variance",
                f("SquaredDifference", "squared_diff", raw, meanSg),
                axes,
                false));
    String frozen =
        e.has("batch_norm_frozen")
            ? "batch_norm_frozen"
            : QuantStep.reached(e, "batch_norm_frozen", delay);
    String zero = e.add(Nodes.scalar(p + "zero", 0f));
    String one = e.add(Nodes.scalar(p + "one", 1f));
    String rate = e.add(Nodes.scalar(p + "one_minus_momentum", 1f - momentum));
    String decay = f("SelectV2", "decay", frozen, zero, rate);
    String mm = update("moving_mean", vars[0], bn.getInput(3), meanSg, decay);
    String mv =
        update(
            "moving_variance",
            vars[1],
            bn.getInput(4),
            f("StopGradient", "batch_variance_sg", var),
            decay);
    String epsilon = e.add(Nodes.scalar(p + "epsilon", eps));
    String sigmaB = f("Sqrt", "sigma_batch", f("AddV2", "batch_variance_eps", var, epsilon));
    String sigmaMv = f("Sqrt", "sigma_moving", f("AddV2", "moving_variance_eps", mv, epsilon));
    String corr = f("RealDiv", "correction_scale", sigmaB, sigmaMv);
    String mult = f("RealDiv", "multiplier", gamma, sigmaB);
    String scale = f("Mul", "fold_scale", corr, mult);
    String fold = f("Mul", "mul_fold", layer.getInput(1), perChannel(scale, dw));
    String conv = e.add(FoldBatchNorm.clone(layer, fold));
    String recip =
        f(
            "SelectV2",
            "correction_recip",
            frozen,
            one,
            f("RealDiv", "inverse_correction", one, corr));
    String post = f("Mul", "post_conv_mul", conv, recip);
    String bias = f("Sub", "bias", beta, f("Mul", "mean_scaled", mean, mult));
    String shift =
        f(
            "Mul",
            "offset_frozen",
            gamma,
            f(
                "Sub",
                "offset_diff",
                f("RealDiv", "mean_batch_scaled", mean, sigmaB),
                f("RealDiv", "mean_moving_scaled", mm, sigmaMv)));
    String offset = f("SelectV2", "correction_offset", frozen, shift, zero);
    String total = f("AddV2", "bias_total", bias, offset);
    return e.add(FoldBatchNorm.biasAdd(p + "add_fold", post, total));
  }

  /** moving <- moving - (moving - batch) * decay; returns the updated value (no gradient). */
  private String update(String name, String var, String moving, String batch, String decay) {
    String delta = f("Mul", name + "_delta", f("Sub", name + "_diff", moving, batch), decay);
    String assign = e.add(Nodes.floatOp("AssignSub", p + name + "_update", var, delta).build());
    return f("StopGradient", name + "_value", assign);
  }

  private String perChannel(String vector, long[] dw) {
    if (dw == null) {
      return vector;
    }
    String shape =
        e.add(Nodes.intConstant(p + "multiplier_shape", new int[] {(int) dw[2], (int) dw[3]}, 2));
    return e.add(Nodes.reshape(p + "multiplier_reshaped", vector, shape));
  }
}
