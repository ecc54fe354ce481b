package org.edgetpu4j.compiler.pass;

import java.util.HashSet;
import java.util.Set;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.graph.Variables;
import org.edgetpu4j.compiler.pass.QuantPlacement.ActivationSite;
import org.edgetpu4j.compiler.pass.QuantPlacement.Placement;
import org.edgetpu4j.compiler.pass.QuantPlacement.WeightSite;
import org.tensorflow.proto.DataType;

/**
 * {@code insert-fake-quant-train}: the training form of the quantization rewrite (Jacob et al.
 * 2017, section 3). Sites are those of {@link QuantPlacement}.
 *
 * <pre>
 * Before:  x -> Conv2D(x, W) -> BiasAdd(b) -> Relu -> y
 * After:   x -> Conv2D(x, SelectV2(step >= delay, FQ_pc(W, sg(-max|W|), sg(max|W|)), W))
 *            -> BiasAdd(b) -> Relu -> r
 *          r -> FakeQuantWithMinMaxVars(r, min', max') -> SelectV2(step >= delay, fq, r) -> y
 *          min' = StopGradient(Assign(min, step == 1 ? bmin : min - (min - bmin)(1 - decay)))
 *          bmin = min(min(r), 0); bmax = max(max(r), 0); the same for max'
 * </pre>
 *
 * <p>Weights are quantized symmetric and narrow ([-127, 127]) from their current range, so the
 * quantizer sees the same value the integer kernel will. Activation ranges are exponential moving
 * averages initialised from the first batch; they update during the quant delay too, so they are
 * warm when quantization switches on. Gradients pass straight through the FakeQuant nodes inside
 * their range (register them with {@code FakeQuantGradients.register()}); the range inputs are cut
 * by StopGradient placed after each Assign. Preconditions: no optimizer ops yet; batch norm folded
 * with {@link FoldBatchNorm} in training mode first if the model has any.
 */
public final class InsertFakeQuantTrain implements Pass {
  private final boolean perChannel;
  private final boolean quantizeInputs;
  private final long quantDelay;
  private final float emaDecay;

  /** The rewrite; {@code quantDelay} steps run float before fake quantization switches on. */
  public InsertFakeQuantTrain(
      boolean perChannel, boolean quantizeInputs, long quantDelay, float emaDecay) {
    this.perChannel = perChannel;
    this.quantizeInputs = quantizeInputs;
    this.quantDelay = quantDelay;
    this.emaDecay = emaDecay;
  }

  @Override
  public String name() {
    return "insert-fake-quant-train";
  }

  @Override
  public String description() {
    return "Insert training fake-quant nodes with EMA activation ranges and a quant delay.";
  }

  @Override
  public TfGraph apply(TfGraph graph, PassContext ctx) {
    Placement p = QuantPlacement.find(graph, quantizeInputs);
    if (p.weights().isEmpty() && p.activations().isEmpty()) {
      return graph;
    }
    GraphEditor e = graph.edit();
    StaticShapes shapes = InsertFakeQuantEval.needsShapes(p) ? StaticShapes.of(graph) : null;
    Set<String> made = new HashSet<>();
    String k = "quant_constants/";
    String active = quantDelay > 0 ? QuantStep.reached(e, k + "quant_active", quantDelay) : null;
    for (WeightSite w : p.weights()) {
      FakeQuantNodes.weight(e, w, perChannel, shapes, made, active);
      ctx.count("weights");
    }
    if (p.activations().isEmpty()) {
      return e.build();
    }
    String step = QuantStep.ensure(e);
    e.addIfAbsent(Nodes.intConstant(k + "flat_shape", new int[] {-1}, 1));
    e.addIfAbsent(Nodes.intConstant(k + "axis", new int[] {0}, 1));
    e.addIfAbsent(Nodes.scalar(k + "zero", 0f));
    e.addIfAbsent(Nodes.scalar(k + "one_minus_decay", 1f - emaDecay));
    e.addIfAbsent(Nodes.longScalar(k + "first_step", 1));
    String first =
        e.addIfAbsent(
            Nodes.op("LessEqual", k + "is_first_step", step, k + "first_step")
                .putAttr("T", Nodes.type(DataType.DT_INT64))
                .build());
    for (ActivationSite a : p.activations()) {
      String s = a.fakeQuant();
      String flat = add(e, made, Nodes.reshape(s + "/flat", a.tensor(), k + "flat_shape"));
      String bmin = add(e, made, Nodes.reduce("Min", s + "/batch_min", flat, k + "axis", false));
      String bmax = add(e, made, Nodes.reduce("Max", s + "/batch_max", flat, k + "axis", false));
      String lo =
          add(e, made, Nodes.floatOp("Minimum", s + "/range_min", bmin, k + "zero").build());
      String hi =
          add(e, made, Nodes.floatOp("Maximum", s + "/range_max", bmax, k + "zero").build());
      String min = ema(e, made, s + "/min", lo, first, 0f);
      String max = ema(e, made, s + "/max", hi, first, 6f);
      String out = FakeQuantNodes.activation(e, a, min, max, made);
      if (active != null) {
        out =
            add(
                e,
                made,
                Nodes.floatOp("SelectV2", s + "/delayed_quant", active, out, a.tensor()).build());
      }
      e.reroute(a.tensor(), out, made);
      ctx.count("activations");
    }
    return e.build();
  }

  private static String ema(
      GraphEditor e, Set<String> made, String var, String batch, String first, float init) {
    Variables.addFloat(e, var, FloatTensor.scalar(init));
    String k = "quant_constants/";
    String diff = add(e, made, Nodes.floatOp("Sub", var + "/ema/diff", var, batch).build());
    String step =
        add(e, made, Nodes.floatOp("Mul", var + "/ema/step", diff, k + "one_minus_decay").build());
    String next = add(e, made, Nodes.floatOp("Sub", var + "/ema/next", var, step).build());
    String pick =
        add(e, made, Nodes.floatOp("SelectV2", var + "/ema/value", first, batch, next).build());
    String assign = add(e, made, Nodes.floatOp("Assign", var + "/ema/assign", var, pick).build());
    return add(e, made, Nodes.floatOp("StopGradient", var + "_value", assign).build());
  }

  private static String add(GraphEditor e, Set<String> made, org.tensorflow.proto.NodeDef n) {
    return FakeQuantNodes.add(e, made, n);
  }
}
