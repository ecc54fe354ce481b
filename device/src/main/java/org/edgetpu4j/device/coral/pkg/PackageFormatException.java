package org.edgetpu4j.device.coral.pkg;

/** A compiled Edge TPU package (or its carrier options) is malformed; the message says where. */
public final class PackageFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a one-line message naming what was wrong and where. */
  public PackageFormatException(String message) {
    super(message);
  }
}
