package org.edgetpu4j.device.coral.usb;

/** A USB operation failed; {@link #kind()} says how, in libusb's terms. */
public final class UsbException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Failure kinds (libusb error codes the driver distinguishes). */
  public enum Kind {
    /** The device is gone (unplugged or re-enumerating). */
    NO_DEVICE,
    /** No such device. */
    NOT_FOUND,
    /** Permission denied opening the device. */
    ACCESS,
    /** The interface is claimed by another process or driver. */
    BUSY,
    /** The endpoint stalled. */
    PIPE,
    /** The transfer timed out. */
    TIMEOUT,
    /** The device sent more data than requested. */
    OVERFLOW,
    /** Any other I/O error. */
    IO,
    /** libusb is not available on this platform. */
    UNAVAILABLE
  }

  private final Kind kind;

  /** An exception of {@code kind} with a message. */
  public UsbException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** How the operation failed. */
  public Kind kind() {
    return kind;
  }
}
