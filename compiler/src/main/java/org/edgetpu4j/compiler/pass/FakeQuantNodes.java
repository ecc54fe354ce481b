package org.edgetpu4j.compiler.pass;

import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.StaticShapes;
import org.edgetpu4j.compiler.pass.QuantPlacement.ActivationSite;
import org.edgetpu4j.compiler.pass.QuantPlacement.WeightSite;

/**
 * Builds the weight and activation fake-quant nodes the rewrites share.
 *
 * <p>Weights: symmetric, narrow range, {@code max = max(|w|, 1e-6)}, {@code min = -max}, so the
 * int8 zero point is 0 and the range is [-127, 127]. Per output channel for Conv2D and
 * DepthwiseConv2dNative when enabled (a depthwise kernel {@code [h,w,in,m]} with {@code m > 1} is
 * quantized through a {@code [h,w,1,in*m]} reshape, the TFLite channel order); per tensor
 * otherwise.
 */
final class FakeQuantNodes {
  static final float MIN_WEIGHT_RANGE = 1e-6f;

  private FakeQuantNodes() {}

  /** Inserts the weight fake-quant of {@code site}; returns the FakeQuant node's name. */
  static String weight(
      GraphEditor e, WeightSite site, boolean perChannel, StaticShapes shapes, Set<String> made) {
    return weight(e, site, perChannel, shapes, made, null);
  }

  /**
   * As {@link #weight(GraphEditor, WeightSite, boolean, StaticShapes, Set)}; when {@code active}
   * names a bool tensor, the layer reads {@code SelectV2(active, fq, w)} (the quant delay).
   */
  static String weight(
      GraphEditor e,
      WeightSite site,
      boolean perChannel,
      StaticShapes shapes,
      Set<String> made,
      String active) {
    String base = e.uniqueName(site.scope() + "/weights_quant");
    String w = site.weight();
    boolean channelwise =
        perChannel
            && (site.layerOp().equals("Conv2D") || site.layerOp().equals("DepthwiseConv2dNative"));
    long[] dwShape = null;
    if (channelwise && site.layerOp().equals("DepthwiseConv2dNative")) {
      long[] s = shapes.require(w, site.layerOp());
      if (s[3] > 1) {
        dwShape = s;
        String flatShape =
            add(
                e,
                made,
                Nodes.intConstant(base + "/channels_shape", ints(s[0], s[1], 1, s[2] * s[3]), 4));
        w = add(e, made, Nodes.reshape(base + "/channels", w, flatShape));
      }
    }
    String abs = add(e, made, Nodes.floatOp("Abs", base + "/abs", w).build());
    String maxAbs;
    if (channelwise) {
      String axes = add(e, made, Nodes.intConstant(base + "/axes", ints(0, 1, 2), 3));
      maxAbs = add(e, made, Nodes.reduce("Max", base + "/max_abs", abs, axes, false));
    } else {
      String flat = add(e, made, Nodes.intConstant(base + "/flat_shape", ints(-1), 1));
      String axis = add(e, made, Nodes.intConstant(base + "/axis", ints(0), 1));
      String r = add(e, made, Nodes.reshape(base + "/flat", abs, flat));
      maxAbs = add(e, made, Nodes.reduce("Max", base + "/max_abs", r, axis, false));
    }
    String eps = add(e, made, Nodes.scalar(base + "/min_range", MIN_WEIGHT_RANGE));
    String range = add(e, made, Nodes.floatOp("Maximum", base + "/range", maxAbs, eps).build());
    String max = add(e, made, Nodes.floatOp("StopGradient", base + "/max", range).build());
    String min = add(e, made, Nodes.floatOp("Neg", base + "/min", max).build());
    String fq = add(e, made, Nodes.fakeQuant(base, w, min, max, channelwise, true));
    String out = fq;
    if (dwShape != null) {
      String back = add(e, made, Nodes.intConstant(base + "/kernel_shape", ints(dwShape), 4));
      out = add(e, made, Nodes.reshape(base + "/kernel", fq, back));
    }
    if (active != null) {
      out =
          add(
              e,
              made,
              Nodes.floatOp("SelectV2", base + "/delayed_quant", active, out, site.weight())
                  .build());
    }
    e.get(site.layer()).setInput(1, out);
    return fq;
  }

  /**
   * Adds {@code FakeQuantWithMinMaxVars(x, min, max)} for an activation site. The caller reroutes
   * the tensor's consumers. Returns the FakeQuant node's name.
   */
  static String activation(
      GraphEditor e, ActivationSite site, String min, String max, Set<String> made) {
    return add(e, made, Nodes.fakeQuant(site.fakeQuant(), site.tensor(), min, max, false, false));
  }

  static String add(GraphEditor e, Set<String> made, org.tensorflow.proto.NodeDef n) {
    made.add(n.getName());
    return e.add(n);
  }

  private static int[] ints(long... v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.toIntExact(v[i]);
    }
    return out;
  }
}
