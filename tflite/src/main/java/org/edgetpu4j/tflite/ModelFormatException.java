package org.edgetpu4j.tflite;

import java.io.IOException;

/**
 * The bytes are not a valid TFLite model. The message names the table and index where the problem
 * is (for example {@code subgraphs[0].operators[3]}) and what was expected there.
 */
public class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A format error described by {@code message}. */
  public ModelFormatException(String message) {
    super(message);
  }

  /** A format error described by {@code message}, caused by {@code cause}. */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
