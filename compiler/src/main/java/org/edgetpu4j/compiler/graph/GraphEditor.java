package org.edgetpu4j.compiler.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/** A mutable copy of a {@link TfGraph} for one pass's edits; {@link #build()} freezes it. */
public final class GraphEditor {
  private final GraphDef original;
  private final Map<String, NodeDef.Builder> nodes = new LinkedHashMap<>();

  GraphEditor(TfGraph graph) {
    this.original = graph.def();
    for (NodeDef n : graph.nodes()) {
      nodes.put(n.getName(), n.toBuilder());
    }
  }

  /** True when a node named {@code name} exists. */
  public boolean has(String name) {
    return nodes.containsKey(name);
  }

  /** The mutable node {@code name}. */
  public NodeDef.Builder get(String name) {
    NodeDef.Builder b = nodes.get(name);
    if (b == null) {
      throw new GraphException("no node named '" + name + "' in the graph");
    }
    return b;
  }

  /** Adds a node; its name must be new. Returns the name. */
  public String add(NodeDef node) {
    if (nodes.containsKey(node.getName())) {
      throw GraphException.at(node.getName(), node.getOp(), "a node with this name already exists");
    }
    nodes.put(node.getName(), node.toBuilder());
    return node.getName();
  }

  /** Adds a node built by {@code builder}. Returns the name. */
  public String add(NodeDef.Builder builder) {
    return add(builder.build());
  }

  /** Adds a node unless one with its name exists. Returns the name. */
  public String addIfAbsent(NodeDef node) {
    if (!nodes.containsKey(node.getName())) {
      add(node);
    }
    return node.getName();
  }

  /** Replaces the node with the same name (or adds it). */
  public void put(NodeDef node) {
    nodes.put(node.getName(), node.toBuilder());
  }

  /** Removes a node; inputs that referenced it are left for the caller to fix. */
  public void remove(String name) {
    nodes.remove(name);
  }

  /** A name based on {@code base} that no node has yet. */
  public String uniqueName(String base) {
    if (!nodes.containsKey(base)) {
      return base;
    }
    for (int i = 1; ; i++) {
      String candidate = base + "_" + i;
      if (!nodes.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * Makes every data input equal to tensor {@code from} read {@code to} instead, except on the
   * nodes named in {@code except}. Returns the number of inputs changed.
   */
  public int reroute(String from, String to, Set<String> except) {
    TensorName f = TensorName.parse(from);
    String replacement = TensorName.parse(to).toString();
    int changed = 0;
    for (NodeDef.Builder n : nodes.values()) {
      if (except.contains(n.getName())) {
        continue;
      }
      for (int i = 0; i < n.getInputCount(); i++) {
        if (TensorName.parse(n.getInput(i)).equals(f)) {
          n.setInput(i, replacement);
          changed++;
        }
      }
    }
    return changed;
  }

  /** Removes control inputs that point at nodes no longer present. */
  public void dropDanglingControlInputs() {
    for (NodeDef.Builder n : nodes.values()) {
      List<String> keep = new ArrayList<>();
      for (String in : n.getInputList()) {
        TensorName t = TensorName.parse(in);
        if (!t.isControl() || nodes.containsKey(t.node())) {
          keep.add(in);
        }
      }
      if (keep.size() != n.getInputCount()) {
        n.clearInput().addAllInput(keep);
      }
    }
  }

  /** The current nodes. */
  public List<String> names() {
    return List.copyOf(nodes.keySet());
  }

  /** An immutable graph with the edits applied. */
  public TfGraph build() {
    GraphDef.Builder b = original.toBuilder().clearNode();
    for (NodeDef.Builder n : nodes.values()) {
      b.addNode(n.build());
    }
    return TfGraph.of(b.build());
  }
}
