package org.edgetpu4j.compiler.pass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.compiler.graph.TensorName;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Where fake-quant nodes go, shared by the training, eval and calibration rewrites so all three
 * place them identically (and give them the same names):
 *
 * <ul>
 *   <li>weights of Conv2D, DepthwiseConv2dNative, MatMul and Conv2DBackpropInput;
 *   <li>the end of each layer chain {@code layer -> [post_conv_mul] -> [BiasAdd|Add(bias)] ->
 *       [Relu|Relu6]}, named {@code <scope>/act_quant};
 *   <li>the outputs of Add, AddV2, Sub, Mul and Mean outside layer chains, or of the Relu/Relu6
 *       that follows them;
 *   <li>each data input of ConcatV2;
 *   <li>float graph inputs (Placeholders), named {@code <input>_quant}.
 * </ul>
 *
 * Tensors already consumed by a FakeQuant are skipped.
 */
public final class QuantPlacement {
  static final Set<String> LAYERS =
      Set.of("Conv2D", "DepthwiseConv2dNative", "MatMul", "Conv2DBackpropInput");
  private static final Set<String> ELEMENTWISE = Set.of("Add", "AddV2", "Sub", "Mul", "Mean");
  private static final Set<String> RELUS = Set.of("Relu", "Relu6");

  /** A layer whose weight input gets a fake-quant node. */
  public record WeightSite(String layer, String layerOp, String weight, String scope) {}

  /** A tensor that gets an activation fake-quant node named {@code fakeQuant}. */
  public record ActivationSite(String tensor, String fakeQuant) {}

  /** All sites of a graph. */
  public record Placement(List<WeightSite> weights, List<ActivationSite> activations) {}

  private final TfGraph g;
  private final Map<String, Boolean> dependsOnInput = new HashMap<>();
  private final Set<String> usedNames = new java.util.HashSet<>();

  private QuantPlacement(TfGraph g) {
    this.g = g;
  }

  /** Finds the sites of {@code g}; graph inputs are included when {@code inputs} is true. */
  public static Placement find(TfGraph g, boolean inputs) {
    return new QuantPlacement(g).find(inputs);
  }

  /** The name scope of a layer node: {@code conv1/Conv2D_Fold -> conv1}. */
  public static String scope(String node) {
    int slash = node.lastIndexOf('/');
    return slash < 0 ? node.replaceAll("_Fold$", "") : node.substring(0, slash);
  }

  private Placement find(boolean inputs) {
    List<WeightSite> weights = new ArrayList<>();
    Map<String, ActivationSite> acts = new LinkedHashMap<>();
    Set<String> inChain = new java.util.HashSet<>();
    if (inputs) {
      for (NodeDef n : g.nodes()) {
        if (n.getOp().equals("Placeholder")
            && TfGraph.attr(n, "dtype").getType() == DataType.DT_FLOAT) {
          addSite(acts, n.getName(), n.getName() + "_quant");
        }
      }
    }
    for (NodeDef n : g.nodes()) {
      if (!LAYERS.contains(n.getOp()) || g.has(n.getName() + "_Fold")) {
        continue; // a training fold keeps the unfolded conv only to compute batch moments
      }
      String weight = n.getInput(1);
      NodeDef wp = g.producer(weight);
      boolean quantized = isFakeQuant(wp) || wp.getName().endsWith("_quant/delayed_quant");
      if (!quantized && !dependsOnInput(weight)) {
        weights.add(new WeightSite(n.getName(), n.getOp(), weight, scope(n.getName())));
      }
      String end = chainEnd(n, inChain);
      addSite(acts, end, scope(n.getName()) + "/act_quant");
    }
    for (NodeDef n : g.nodes()) {
      if (ELEMENTWISE.contains(n.getOp())
          && !inChain.contains(n.getName())
          && !isRewriteMachinery(n.getName())
          && dependsOnInput(n)) {
        String end = n.getName();
        List<NodeDef> cons = g.dataConsumers(end);
        if (cons.size() == 1 && RELUS.contains(cons.get(0).getOp())) {
          end = cons.get(0).getName();
        }
        addSite(acts, end, n.getName() + "/act_quant");
      } else if (n.getOp().equals("ConcatV2")) {
        for (int i = 0; i < n.getInputCount() - 1; i++) {
          String in = n.getInput(i);
          if (!TensorName.parse(in).isControl()) {
            addSite(acts, in, n.getName() + "/input_" + i + "_quant");
          }
        }
      }
    }
    return new Placement(weights, List.copyOf(acts.values()));
  }

  private void addSite(Map<String, ActivationSite> acts, String tensor, String fqName) {
    String key = TensorName.parse(tensor).toString();
    if (acts.containsKey(key) || isFakeQuant(g.producer(key))) {
      return;
    }
    for (NodeDef c : g.dataConsumers(key)) {
      if (isFakeQuant(c)) {
        return;
      }
    }
    String name = fqName;
    for (int i = 1; usedNames.contains(name) || g.has(name); i++) {
      name = fqName + "_" + i;
    }
    usedNames.add(name);
    acts.put(key, new ActivationSite(key, name));
  }

  private String chainEnd(NodeDef layer, Set<String> inChain) {
    NodeDef cur = layer;
    boolean biasSeen = false;
    while (true) {
      List<NodeDef> cons = g.dataConsumers(cur.getName());
      if (cons.size() != 1) {
        return cur.getName();
      }
      NodeDef next = cons.get(0);
      String op = next.getOp();
      if (op.equals("Mul") && next.getName().endsWith("BatchNorm_Fold/post_conv_mul")) {
        cur = next;
      } else if (!biasSeen && (op.equals("BiasAdd") || isBiasAdd(next, cur.getName()))) {
        biasSeen = true;
        cur = next;
      } else if (RELUS.contains(op)) {
        inChain.add(next.getName());
        return next.getName();
      } else {
        return cur.getName();
      }
      inChain.add(cur.getName());
    }
  }

  private boolean isBiasAdd(NodeDef n, String from) {
    if (!n.getOp().equals("Add") && !n.getOp().equals("AddV2")) {
      return false;
    }
    String other = TensorName.nodeOf(n.getInput(0)).equals(from) ? n.getInput(1) : n.getInput(0);
    return !dependsOnInput(other);
  }

  /** Nodes the batch-norm folding and quantization rewrites create for their own arithmetic. */
  private static boolean isRewriteMachinery(String name) {
    return name.contains("BatchNorm_Fold/")
        || name.contains("_quant/")
        || name.startsWith(QuantStep.VARIABLE);
  }

  /** True for FakeQuant ops. */
  static boolean isFakeQuant(NodeDef n) {
    return n.getOp().startsWith("FakeQuantWithMinMax");
  }

  /** True when the tensor's value depends on a Placeholder (it is an activation, not a weight). */
  boolean dependsOnInput(String tensor) {
    return dependsOnInput(g.producer(tensor));
  }

  private boolean dependsOnInput(NodeDef start) {
    Boolean known = dependsOnInput.get(start.getName());
    if (known != null) {
      return known;
    }
    List<NodeDef> stack = new ArrayList<>(List.of(start));
    while (!stack.isEmpty()) {
      NodeDef n = stack.get(stack.size() - 1);
      if (dependsOnInput.containsKey(n.getName())) {
        stack.remove(stack.size() - 1);
        continue;
      }
      boolean pending = false;
      boolean result = n.getOp().equals("Placeholder");
      for (String in : n.getInputList()) {
        TensorName t = TensorName.parse(in);
        if (t.isControl()) {
          continue;
        }
        Boolean v = dependsOnInput.get(t.node());
        if (v == null) {
          stack.add(g.node(t.node()));
          pending = true;
        } else {
          result |= v;
        }
      }
      if (!pending) {
        dependsOnInput.put(n.getName(), result);
        stack.remove(stack.size() - 1);
      }
    }
    return dependsOnInput.get(start.getName());
  }
}
