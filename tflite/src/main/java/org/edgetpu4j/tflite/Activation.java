package org.edgetpu4j.tflite;

/** Activation functions fused into operators ({@code ActivationFunctionType} in the schema). */
public enum Activation {
  NONE,
  RELU,
  RELU_N1_TO_1,
  RELU6,
  TANH,
  SIGN_BIT;

  /** The schema code. */
  public int code() {
    return ordinal();
  }

  /** The activation with schema code {@code code}. */
  public static Activation fromCode(long code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException(
          "fused activation code " + code + " is outside 0.." + (values().length - 1));
    }
    return values()[(int) code];
  }
}
