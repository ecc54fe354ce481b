package org.edgetpu4j.compiler.emit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgetpu4j.compiler.CompileException;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Read-only navigation over a GraphDef for the emitter: nodes by name, data inputs, consumers,
 * pass-through ops skipped, attributes with checked types.
 */
final class GraphView {
  /** Ops that pass their input through unchanged. */
  private static final Set<String> PASS_THROUGH = Set.of("Identity", "StopGradient", "Snapshot");

  private final GraphDef def;
  private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
  private final Map<String, List<NodeDef>> consumers = new HashMap<>();

  GraphView(GraphDef def) {
    this.def = def;
    for (NodeDef n : def.getNodeList()) {
      nodes.put(n.getName(), n);
    }
    for (NodeDef n : def.getNodeList()) {
      for (String in : n.getInputList()) {
        if (!in.startsWith("^")) {
          consumers.computeIfAbsent(nodeName(in), k -> new ArrayList<>()).add(n);
        }
      }
    }
  }

  GraphDef def() {
    return def;
  }

  /** The node called {@code name} (a tensor name such as {@code conv/Relu:0} is accepted). */
  NodeDef node(String name) throws CompileException {
    NodeDef n = nodes.get(nodeName(name));
    if (n == null) {
      throw new CompileException("the graph has no node '" + nodeName(name) + "'");
    }
    return n;
  }

  boolean has(String name) {
    return nodes.containsKey(nodeName(name));
  }

  /** The producer of {@code tensor}, looking through Identity-like nodes. */
  NodeDef resolve(String tensor) throws CompileException {
    NodeDef n = node(tensor);
    while (PASS_THROUGH.contains(n.getOp())) {
      n = node(input(n, 0));
    }
    return n;
  }

  /** Data input {@code i} of {@code n} (control inputs are not counted). */
  String input(NodeDef n, int i) throws CompileException {
    int seen = 0;
    for (String in : n.getInputList()) {
      if (in.startsWith("^")) {
        continue;
      }
      if (seen++ == i) {
        return in;
      }
    }
    throw new CompileException(describe(n) + " has no input " + i);
  }

  /** Number of data inputs of {@code n}. */
  int inputCount(NodeDef n) {
    return (int) n.getInputList().stream().filter(s -> !s.startsWith("^")).count();
  }

  /** Nodes reading an output of node {@code name}. */
  List<NodeDef> consumers(String name) {
    return consumers.getOrDefault(nodeName(name), List.of());
  }

  /** True when {@code tensor} depends on constants only (no placeholder, variable or state). */
  boolean isConstant(String tensor) throws CompileException {
    return isConstant(tensor, new HashMap<>());
  }

  private boolean isConstant(String tensor, Map<String, Boolean> memo) throws CompileException {
    String name = nodeName(tensor);
    Boolean known = memo.get(name);
    if (known != null) {
      return known;
    }
    memo.put(name, false); // guards against cycles
    NodeDef n = node(name);
    boolean constant;
    if (n.getOp().equals("Const")) {
      constant = true;
    } else if (n.getOp().startsWith("Placeholder")
        || n.getOp().contains("Variable")
        || n.getOp().startsWith("Random")) {
      constant = false;
    } else {
      constant = inputCount(n) > 0;
      for (int i = 0; constant && i < inputCount(n); i++) {
        constant = isConstant(input(n, i), memo);
      }
    }
    memo.put(name, constant);
    return constant;
  }

  static String nodeName(String tensor) {
    String s = tensor.startsWith("^") ? tensor.substring(1) : tensor;
    int colon = s.lastIndexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }

  static String describe(NodeDef n) {
    return "node '" + n.getName() + "' (" + n.getOp() + ")";
  }

  String string(NodeDef n, String attr, String fallback) {
    AttrValue v = n.getAttrMap().get(attr);
    return v == null ? fallback : v.getS().toStringUtf8();
  }

  boolean bool(NodeDef n, String attr, boolean fallback) {
    AttrValue v = n.getAttrMap().get(attr);
    return v == null ? fallback : v.getB();
  }

  long integer(NodeDef n, String attr, long fallback) {
    AttrValue v = n.getAttrMap().get(attr);
    return v == null ? fallback : v.getI();
  }

  float real(NodeDef n, String attr, float fallback) {
    AttrValue v = n.getAttrMap().get(attr);
    return v == null ? fallback : v.getF();
  }

  /** An int-list attribute, or {@code fallback} when absent. */
  int[] ints(NodeDef n, String attr, int[] fallback) {
    AttrValue v = n.getAttrMap().get(attr);
    if (v == null || !v.hasList()) {
      return fallback;
    }
    return v.getList().getIList().stream().mapToInt(Long::intValue).toArray();
  }
}
