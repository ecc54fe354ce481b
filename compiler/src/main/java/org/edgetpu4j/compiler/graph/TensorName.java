package org.edgetpu4j.compiler.graph;

/**
 * A GraphDef input reference: {@code node}, {@code node:k} or a control input {@code ^node}.
 *
 * @param node the producing node's name
 * @param index the output index (0 for {@code node}; -1 for a control input)
 */
public record TensorName(String node, int index) {
  /** Parses a NodeDef input string. */
  public static TensorName parse(String input) {
    if (input.startsWith("^")) {
      return new TensorName(input.substring(1), -1);
    }
    int colon = input.lastIndexOf(':');
    if (colon > 0) {
      String tail = input.substring(colon + 1);
      if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit)) {
        return new TensorName(input.substring(0, colon), Integer.parseInt(tail));
      }
    }
    return new TensorName(input, 0);
  }

  /** The node name of an input string, without output index or control marker. */
  public static String nodeOf(String input) {
    return parse(input).node();
  }

  /** True for a control input ({@code ^node}). */
  public boolean isControl() {
    return index < 0;
  }

  /** The canonical input string: {@code node} for output 0, else {@code node:k}. */
  @Override
  public String toString() {
    if (index < 0) {
      return "^" + node;
    }
    return index == 0 ? node : node + ":" + index;
  }
}
