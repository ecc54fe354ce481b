package org.edgetpu4j.compiler.pass;

import java.util.Set;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.NodeDef;

/**
 * {@code model-bias-quantization}: rounds each layer's float bias to the int32 grid the integer
 * kernel uses, so the frozen fake-quant graph predicts the integer model more closely.
 *
 * <pre>
 * Before:  y = BiasAdd(Conv2D(FQ(x, a, b), FQ_w(W, -m, m)), bias)
 * After:   the same graph with bias[c] := round(bias[c] / s[c]) * s[c],
 *          s[c] = s_in * s_w[c],  s_in = (b - a) / 255,  s_w[c] = 2 m[c] / 254
 * </pre>
 *
 * <p>{@code s_in} is the scale of the FakeQuant feeding the layer, found through MaxPool, AvgPool,
 * Reshape, Squeeze and Identity (ops whose TFLite kernels keep the input scale). Preconditions
 * (otherwise the layer is skipped and counted): a frozen graph with constants folded; the layer's
 * weight is a FakeQuant of constants; the bias is a Const; the input scale is found. The emitter's
 * own bias quantization {@code round(bias / s)} then gives the same integers.
 */
public final class ModelBiasQuantization implements Pass {
  private static final Set<String> SAME_SCALE =
      Set.of("MaxPool", "AvgPool", "Reshape", "Squeeze", "Identity");

  @Override
  public String name() {
    return "model-bias-quantization";
  }

  @Override
  public String description() {
    return "Round biases to the int32 grid s_in * s_w of the integer kernels.";
  }

  @Override
  public TfGraph apply(TfGraph g, PassContext ctx) {
    GraphEditor e = g.edit();
    for (NodeDef layer : g.nodes()) {
      if (!QuantPlacement.LAYERS.contains(layer.getOp())
          || layer.getOp().equals("Conv2DBackpropInput")) {
        continue;
      }
      var cons = g.dataConsumers(layer.getName());
      NodeDef wq = g.producer(layer.getInput(1));
      if (cons.size() != 1
          || !cons.get(0).getOp().equals("BiasAdd")
          || !g.isConst(cons.get(0).getInput(1))
          || !QuantPlacement.isFakeQuant(wq)
          || !g.isConst(wq.getInput(1))
          || !g.isConst(wq.getInput(2))) {
        ctx.count("skipped(pattern)");
        continue;
      }
      NodeDef in = g.producer(layer.getInput(0));
      while (SAME_SCALE.contains(in.getOp())) {
        in = g.producer(in.getInput(0));
      }
      if (!in.getOp().equals("FakeQuantWithMinMaxVars")
          || !g.isConst(in.getInput(1))
          || !g.isConst(in.getInput(2))) {
        ctx.count("skipped(input scale unknown)");
        continue;
      }
      float sIn =
          (g.constValue(in.getInput(2)).get(0) - g.constValue(in.getInput(1)).get(0)) / 255f;
      FloatTensor wMin = g.constValue(wq.getInput(1));
      FloatTensor wMax = g.constValue(wq.getInput(2));
      String biasName = cons.get(0).getInput(1);
      FloatTensor bias = g.constValue(biasName);
      float[] q = bias.values();
      for (int c = 0; c < q.length; c++) {
        int k = wMin.size() == 1 ? 0 : c;
        double s = (double) sIn * ((wMax.get(k) - wMin.get(k)) / 254f);
        double steps =
            Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(q[c] / s)));
        q[c] = (float) (steps * s);
      }
      e.put(Nodes.constant(g.producer(biasName).getName(), new FloatTensor(bias.shape(), q)));
      ctx.count("quantized");
    }
    return e.build();
  }
}
