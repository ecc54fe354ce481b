package org.edgetpu4j.compiler.pass;

import java.util.HashSet;
import java.util.Set;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.graph.Variables;
import org.edgetpu4j.compiler.pass.QuantPlacement.ActivationSite;
import org.edgetpu4j.compiler.pass.QuantPlacement.Placement;
import org.edgetpu4j.compiler.pass.QuantPlacement.WeightSite;

/**
 * {@code insert-fake-quant-eval}: the eval form of the quantization rewrite. Places fake-quant
 * nodes exactly where {@link InsertFakeQuantTrain} does (see {@link QuantPlacement}), with
 * activation ranges read from variables of the same names as the training graph's EMA variables, so
 * freezing the eval graph from the training session or checkpoint carries the trained ranges over.
 *
 * <pre>
 * Before:  x -> Conv2D(x, W) -> BiasAdd(b) -> Relu -> y
 * After:   x -> Conv2D(x, FQ_pc(W, -max|W|, max|W|)) -> BiasAdd(b) -> Relu
 *            -> FakeQuantWithMinMaxVars(., conv/act_quant/min, conv/act_quant/max) -> y
 * </pre>
 *
 * <p>Preconditions: batch norm is already folded (run {@link FoldBatchNorm} in eval mode first).
 * Weight ranges are computed from the (folded) weights, so they are exact for the final weights.
 * The FakeQuant kernel's nudging of the activation range is the same nudging the TFLite converter
 * applies, so the eval graph predicts the integer model up to float rounding and bias quantization.
 */
public final class InsertFakeQuantEval implements Pass {
  private final boolean perChannel;
  private final boolean quantizeInputs;

  /** A rewrite with per-channel conv weights when {@code perChannel}. */
  public InsertFakeQuantEval(boolean perChannel, boolean quantizeInputs) {
    this.perChannel = perChannel;
    this.quantizeInputs = quantizeInputs;
  }

  @Override
  public String name() {
    return "insert-fake-quant-eval";
  }

  @Override
  public String description() {
    return "Insert fake-quant nodes with ranges held in variables (frozen from training).";
  }

  @Override
  public TfGraph apply(TfGraph graph, PassContext ctx) {
    Placement p = QuantPlacement.find(graph, quantizeInputs);
    GraphEditor e = graph.edit();
    StaticShapes shapes = needsShapes(p) ? StaticShapes.of(graph) : null;
    Set<String> made = new HashSet<>();
    for (WeightSite w : p.weights()) {
      FakeQuantNodes.weight(e, w, perChannel, shapes, made);
      ctx.count("weights");
    }
    for (ActivationSite a : p.activations()) {
      String min = Variables.addFloat(e, a.fakeQuant() + "/min", FloatTensor.scalar(0f));
      String max = Variables.addFloat(e, a.fakeQuant() + "/max", FloatTensor.scalar(6f));
      made.add(min);
      made.add(max);
      String fq = FakeQuantNodes.activation(e, a, min, max, made);
      e.reroute(a.tensor(), fq, made);
      ctx.count("activations");
    }
    return e.build();
  }

  static boolean needsShapes(Placement p) {
    return p.weights().stream().anyMatch(w -> w.layerOp().equals("DepthwiseConv2dNative"));
  }
}
