package org.edgetpu4j.compiler.graph;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * A compact, diff-friendly text form of a graph, one node per line: {@code name = Op(inputs)
 * {attrs}}. Constants print their dtype and shape instead of their values.
 */
public final class GraphPrinter {
  private GraphPrinter() {}

  /** All nodes, in GraphDef order. */
  public static String print(TfGraph g) {
    StringBuilder sb = new StringBuilder();
    for (NodeDef n : g.nodes()) {
      sb.append(line(n)).append('\n');
    }
    return sb.toString();
  }

  /** One node. */
  public static String line(NodeDef n) {
    StringBuilder sb = new StringBuilder(n.getName()).append(" = ").append(n.getOp());
    sb.append('(').append(String.join(", ", n.getInputList())).append(')');
    Map<String, String> attrs = new TreeMap<>();
    n.getAttrMap().forEach((k, v) -> attrs.put(k, value(v)));
    if (!attrs.isEmpty()) {
      sb.append(' ').append(attrs);
    }
    return sb.toString();
  }

  private static String value(AttrValue v) {
    return switch (v.getValueCase()) {
      case TYPE -> v.getType().name();
      case B -> Boolean.toString(v.getB());
      case I -> Long.toString(v.getI());
      case F -> Float.toString(v.getF());
      case S -> v.getS().toStringUtf8();
      case SHAPE -> Arrays.toString(TensorProtos.dims(v.getShape()));
      case TENSOR ->
          v.getTensor().getDtype().name()
              + Arrays.toString(TensorProtos.dims(v.getTensor().getTensorShape()));
      case LIST ->
          v.getList().getIList().isEmpty()
              ? v.getList().toString().replace('\n', ' ').trim()
              : v.getList().getIList().toString();
      default -> v.toString().replace('\n', ' ').trim();
    };
  }
}
