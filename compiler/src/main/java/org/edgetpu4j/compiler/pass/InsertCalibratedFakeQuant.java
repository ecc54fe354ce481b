package org.edgetpu4j.compiler.pass;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.QuantPlacement.ActivationSite;
import org.edgetpu4j.compiler.pass.QuantPlacement.Placement;
import org.edgetpu4j.compiler.pass.QuantPlacement.WeightSite;

/**
 * {@code insert-fake-quant-calibrated}: post-training quantization. Places fake-quant nodes where
 * the training rewrite would (see {@link QuantPlacement}) with constant activation ranges measured
 * on a representative dataset, so a float model goes through the same emitter as a QAT model.
 *
 * <pre>
 * Before:  x -> Conv2D(x, W) -> BiasAdd(b) -> Relu -> y
 * After:   x -> FQ(x, c_min_x, c_max_x) -> Conv2D(., FQ_pc(W, -max|W|, max|W|)) -> BiasAdd(b)
 *            -> Relu -> FakeQuantWithMinMaxVars(., Const min, Const max) -> y
 * </pre>
 *
 * <p>Preconditions: a frozen float graph with batch norm folded; a measured range for every site
 * (keyed by tensor name, e.g. {@code conv1/Relu}). Each range is widened to contain 0, as TFLite
 * requires. A missing range is an error naming the tensor.
 */
public final class InsertCalibratedFakeQuant implements Pass {
  /** A measured range. */
  public record Range(float min, float max) {}

  private final Map<String, Range> ranges;
  private final boolean perChannel;
  private final boolean quantizeInputs;

  /** A rewrite with the given measured ranges. */
  public InsertCalibratedFakeQuant(
      Map<String, Range> ranges, boolean perChannel, boolean quantizeInputs) {
    this.ranges = Map.copyOf(ranges);
    this.perChannel = perChannel;
    this.quantizeInputs = quantizeInputs;
  }

  @Override
  public String name() {
    return "insert-fake-quant-calibrated";
  }

  @Override
  public String description() {
    return "Insert fake-quant nodes with constant ranges measured on representative data.";
  }

  @Override
  public TfGraph apply(TfGraph graph, PassContext ctx) {
    Placement p = QuantPlacement.find(graph, quantizeInputs);
    GraphEditor e = graph.edit();
    StaticShapes shapes = InsertFakeQuantEval.needsShapes(p) ? StaticShapes.of(graph) : null;
    Set<String> made = new HashSet<>();
    for (WeightSite w : p.weights()) {
      FakeQuantNodes.weight(e, w, perChannel, shapes, made);
      ctx.count("weights");
    }
    for (ActivationSite a : p.activations()) {
      Range r = ranges.get(a.tensor());
      if (r == null) {
        throw new GraphException(
            "no calibrated range for tensor '"
                + a.tensor()
                + "' (needed by "
                + a.fakeQuant()
                + ")");
      }
      if (!(r.min() <= r.max()) || !Float.isFinite(r.min()) || !Float.isFinite(r.max())) {
        throw new GraphException("calibrated range of '" + a.tensor() + "' is invalid: " + r);
      }
      float lo = Math.min(r.min(), 0f);
      float hi = Math.max(r.max(), 0f);
      if (hi - lo < FakeQuantNodes.MIN_WEIGHT_RANGE) {
        hi = lo + FakeQuantNodes.MIN_WEIGHT_RANGE;
      }
      String min = FakeQuantNodes.add(e, made, Nodes.scalar(a.fakeQuant() + "/min", lo));
      String max = FakeQuantNodes.add(e, made, Nodes.scalar(a.fakeQuant() + "/max", hi));
      String fq = FakeQuantNodes.activation(e, a, min, max, made);
      e.reroute(a.tensor(), fq, made);
      ctx.count("activations");
    }
    return e.build();
  }
}
