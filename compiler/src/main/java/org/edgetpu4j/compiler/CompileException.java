package org.edgetpu4j.compiler;

/**
 * A graph cannot be compiled. The message names the node and its op type, says what was wrong and
 * what is supported or expected.
 */
public class CompileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public CompileException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public CompileException(String message, Throwable cause) {
    super(message, cause);
  }
}
