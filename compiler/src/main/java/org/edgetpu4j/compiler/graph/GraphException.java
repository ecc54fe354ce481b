package org.edgetpu4j.compiler.graph;

/**
 * A graph cannot be processed: it is malformed, uses something the compiler does not support, or
 * carries values that cannot be quantized. The message names the node, its op type and what was
 * expected.
 */
public final class GraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a complete message. */
  public GraphException(String message) {
    super(message);
  }

  /** An error with a complete message and its cause. */
  public GraphException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error about node {@code node} of type {@code op}. */
  public static GraphException at(String node, String op, String message) {
    return new GraphException("node '" + node + "' (" + op + "): " + message);
  }
}
