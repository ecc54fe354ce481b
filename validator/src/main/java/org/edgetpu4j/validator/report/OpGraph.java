package org.edgetpu4j.validator.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.OpReport;

/**
 * The graph the report draws: model inputs, operators and model outputs as nodes, one edge per
 * tensor use (producer to consumer, so a tensor read by two operators gives two edges).
 *
 * @param nodes inputs first, then operators in execution order, then outputs
 * @param edges tensor uses
 */
record OpGraph(List<Node> nodes, List<Edge> edges) {
  /** What a node stands for. */
  enum Kind {
    INPUT,
    OPERATOR,
    OUTPUT
  }

  /**
   * A node.
   *
   * @param kind input, operator or output
   * @param title first line of the box
   * @param subtitle second line (output shape), may be empty
   * @param details text shown on hover
   * @param op the operator, or null for inputs and outputs
   */
  record Node(Kind kind, String title, String subtitle, String details, OpReport op) {}

  /**
   * An edge along a tensor.
   *
   * @param from node index of the producer
   * @param to node index of the consumer
   * @param tensor the tensor index
   * @param details text shown on hover
   */
  record Edge(int from, int to, int tensor, String details) {}

  /** The graph of {@code ops}; with the model, tensors are described and inputs/outputs drawn. */
  static OpGraph of(List<OpReport> ops, Optional<Model> model) {
    Optional<Subgraph> sg = model.map(Model::mainSubgraph);
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Map<Integer, Integer> producer = new HashMap<>();
    if (sg.isPresent()) {
      for (int i = 0; i < sg.get().inputs().length(); i++) {
        int t = sg.get().inputs().get(i);
        producer.put(t, nodes.size());
        nodes.add(
            new Node(Kind.INPUT, "input " + tensorName(sg, t), shape(sg, t), tensor(sg, t), null));
      }
    }
    int firstOp = nodes.size();
    for (OpReport op : ops) {
      nodes.add(
          new Node(
              Kind.OPERATOR,
              "Op#" + op.index() + " " + op.opcode() + " v" + op.version(),
              op.outputs().isEmpty() ? "" : shape(sg, op.outputs().get(0)),
              opDetails(op, sg),
              op));
    }
    for (OpReport op : ops) {
      int to = firstOp + op.index();
      for (int t : op.inputs()) {
        Integer from = producer.get(t);
        if (from != null) {
          edges.add(new Edge(from, to, t, tensor(sg, t)));
        }
      }
      for (int t : op.outputs()) {
        producer.putIfAbsent(t, to);
      }
    }
    if (sg.isPresent()) {
      for (int i = 0; i < sg.get().outputs().length(); i++) {
        int t = sg.get().outputs().get(i);
        int out = nodes.size();
        nodes.add(
            new Node(
                Kind.OUTPUT, "output " + tensorName(sg, t), shape(sg, t), tensor(sg, t), null));
        Integer from = producer.get(t);
        if (from != null) {
          edges.add(new Edge(from, out, t, tensor(sg, t)));
        }
      }
    }
    return new OpGraph(List.copyOf(nodes), List.copyOf(edges));
  }

  private static String opDetails(OpReport op, Optional<Subgraph> sg) {
    StringBuilder sb = new StringBuilder();
    sb.append("Op#")
        .append(op.index())
        .append(' ')
        .append(op.opcode())
        .append(" v")
        .append(op.version());
    sb.append("\n").append(op.edgetpuStatus().text());
    if (!op.reason().isEmpty()) {
      sb.append(": ").append(op.reason());
    }
    if (!op.minRuntime().isEmpty()) {
      sb.append("\nTFLite runtime ").append(op.minRuntime()).append(" or newer");
    }
    for (int t : op.inputs()) {
      if (t >= 0) {
        sb.append("\nin  ").append(tensor(sg, t));
      }
    }
    for (int t : op.outputs()) {
      sb.append("\nout ").append(tensor(sg, t));
    }
    return sb.toString();
  }

  private static String tensorName(Optional<Subgraph> sg, int t) {
    String name = sg.map(s -> t < s.tensors().size() ? s.tensor(t).name() : "").orElse("");
    return name.isEmpty() ? "T#" + t : name;
  }

  private static String shape(Optional<Subgraph> sg, int t) {
    if (sg.isEmpty() || t < 0 || t >= sg.get().tensors().size()) {
      return "";
    }
    Tensor x = sg.get().tensor(t);
    return x.type() + " " + x.shape();
  }

  /** {@code T#5 name FLOAT32 [1, 2]}, with the quantization when per-tensor. */
  private static String tensor(Optional<Subgraph> sg, int t) {
    if (sg.isEmpty() || t < 0 || t >= sg.get().tensors().size()) {
      return "T#" + t;
    }
    Tensor x = sg.get().tensor(t);
    StringBuilder sb =
        new StringBuilder("T#" + t + " " + x.name() + " " + x.type() + " " + x.shape());
    QuantParams q = x.quantization();
    if (q.isQuantized() && !q.isPerChannel()) {
      sb.append(
          String.format(
              Locale.ROOT, " scale %.6g zero point %d", q.scale().get(0), q.zeroPoint().get(0)));
    } else if (q.isPerChannel()) {
      sb.append(" per-channel (").append(q.scale().length()).append(" scales)");
    }
    return sb.toString();
  }
}
