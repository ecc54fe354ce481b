package org.edgetpu4j.tflite;

/** Padding of convolutions and pooling, as the schema numbers it. */
public enum Padding {
  SAME,
  VALID;

  /** The schema code. */
  public int code() {
    return ordinal();
  }

  /** The padding with schema code {@code code}. */
  public static Padding fromCode(long code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("padding code " + code + " is not 0 (SAME) or 1 (VALID)");
    }
    return values()[(int) code];
  }
}
