package org.edgetpu4j.compiler.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * An immutable TensorFlow graph at GraphDef level, indexed by node name and by consumer. Passes
 * read a {@code TfGraph} and build a new one through {@link #edit()}.
 */
public final class TfGraph {
  private final GraphDef def;
  private final Map<String, NodeDef> byName = new LinkedHashMap<>();
  private final Map<String, List<String>> consumers = new HashMap<>();

  private TfGraph(GraphDef def) {
    this.def = def;
    for (NodeDef n : def.getNodeList()) {
      if (byName.put(n.getName(), n) != null) {
        throw GraphException.at(n.getName(), n.getOp(), "duplicate node name");
      }
    }
    for (NodeDef n : def.getNodeList()) {
      for (String in : n.getInputList()) {
        consumers.computeIfAbsent(TensorName.nodeOf(in), k -> new ArrayList<>()).add(n.getName());
      }
    }
  }

  /** Wraps a GraphDef. */
  public static TfGraph of(GraphDef def) {
    return new TfGraph(def);
  }

  /** Parses a serialized GraphDef (a frozen {@code .pb}). */
  public static TfGraph parse(byte[] bytes) {
    try {
      return new TfGraph(GraphDef.parseFrom(bytes));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new GraphException("not a serialized GraphDef: " + e.getMessage(), e);
    }
  }

  /** The GraphDef. */
  public GraphDef def() {
    return def;
  }

  /** All nodes in GraphDef order. */
  public List<NodeDef> nodes() {
    return def.getNodeList();
  }

  /** The node named {@code name}, if present. */
  public Optional<NodeDef> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The node named {@code name}; throws a {@link GraphException} if absent. */
  public NodeDef node(String name) {
    NodeDef n = byName.get(name);
    if (n == null) {
      throw new GraphException("no node named '" + name + "' in the graph");
    }
    return n;
  }

  /** True when a node named {@code name} exists. */
  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** The node producing the tensor named by an input string. */
  public NodeDef producer(String input) {
    return node(TensorName.nodeOf(input));
  }

  /** Names of the nodes that consume any output of {@code node} (data or control). */
  public List<String> consumers(String node) {
    return Collections.unmodifiableList(consumers.getOrDefault(node, List.of()));
  }

  /** Nodes that consume exactly the tensor {@code tensor} (a data input equal to it). */
  public List<NodeDef> dataConsumers(String tensor) {
    TensorName t = TensorName.parse(tensor);
    List<NodeDef> out = new ArrayList<>();
    for (String c : new TreeSet<>(consumers(t.node()))) {
      NodeDef n = byName.get(c);
      for (String in : n.getInputList()) {
        if (TensorName.parse(in).equals(t)) {
          out.add(n);
          break;
        }
      }
    }
    return out;
  }

  /** The op type of node {@code name}. */
  public String op(String name) {
    return node(name).getOp();
  }

  /** True when the tensor is produced by a {@code Const} node. */
  public boolean isConst(String input) {
    return has(TensorName.nodeOf(input)) && producer(input).getOp().equals("Const");
  }

  /** The float value of a {@code Const} node. */
  public FloatTensor constValue(String input) {
    NodeDef n = producer(input);
    if (!n.getOp().equals("Const")) {
      throw GraphException.at(n.getName(), n.getOp(), "expected a Const node");
    }
    return TensorProtos.toFloat(n.getAttrOrThrow("value").getTensor());
  }

  /** An attribute of a node, or the default if absent. */
  public static AttrValue attr(NodeDef n, String key) {
    return n.getAttrOrDefault(key, AttrValue.getDefaultInstance());
  }

  /** An editor holding a mutable copy of this graph. */
  public GraphEditor edit() {
    return new GraphEditor(this);
  }

  /**
   * True when this graph has the same nodes as {@code other}: equal names, op types, inputs (in
   * order) and attributes. Node order is ignored.
   */
  public boolean structurallyEquals(TfGraph other) {
    return difference(other).isEmpty();
  }

  /** A description of how this graph differs from {@code other}, or "" when equal. */
  public String difference(TfGraph other) {
    StringBuilder sb = new StringBuilder();
    for (String name : new TreeSet<>(byName.keySet())) {
      NodeDef a = byName.get(name);
      NodeDef b = other.byName.get(name);
      if (b == null) {
        sb.append("only in this graph: ").append(GraphPrinter.line(a)).append('\n');
      } else if (!a.getOp().equals(b.getOp())
          || !a.getInputList().equals(b.getInputList())
          || !a.getAttrMap().equals(b.getAttrMap())) {
        sb.append("differs:\n  this:  ").append(GraphPrinter.line(a));
        sb.append("\n  other: ").append(GraphPrinter.line(b)).append('\n');
      }
    }
    for (String name : new TreeSet<>(other.byName.keySet())) {
      if (!byName.containsKey(name)) {
        sb.append("only in other graph: ")
            .append(GraphPrinter.line(other.byName.get(name)))
            .append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return GraphPrinter.print(this);
  }
}
