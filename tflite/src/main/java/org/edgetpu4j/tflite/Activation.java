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

  /** The name of the activation with schema code {@code code}, or "code N" for an unknown code. */
  public static String nameOf(long code) {
    return code < 0 || code >= values().length ? "code " + code : values()[(int) code].name();
  }
}
