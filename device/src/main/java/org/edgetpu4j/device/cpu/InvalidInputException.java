package org.edgetpu4j.device.cpu;

/**
 * An invocation input does not fit the model: wrong number of inputs, wrong byte length, wrong
 * element type. The message says which input, what was given and what was expected.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public InvalidInputException(String message) {
    super(message);
  }
}
