package org.edgetpu4j.device.coral;

/** Every failure of the Edge TPU driver, with a {@link Code} saying which. */
public final class EdgeTpuException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The udev rule that lets non-root users open the accelerator on Linux. */
  public static final String UDEV_RULE =
      "SUBSYSTEM==\"usb\",ATTRS{idVendor}==\"1a6e\",ATTRS{idProduct}==\"089a\",MODE=\"0664\",GROUP=\"plugdev\"\n"
          + "SUBSYSTEM==\"usb\",ATTRS{idVendor}==\"18d1\",ATTRS{idProduct}==\"9302\",MODE=\"0664\",GROUP=\"plugdev\"";

  /** Failure codes. */
  public enum Code {
    /** No Edge TPU is attached. */
    NO_DEVICE,
    /** The device could not be opened for lack of permission. */
    PERMISSION_DENIED,
    /** Another process or driver holds the device. */
    DEVICE_BUSY,
    /** No firmware image was found. */
    FIRMWARE_NOT_FOUND,
    /** Downloading or validating the firmware failed. */
    FIRMWARE_DOWNLOAD_FAILED,
    /** The device did not come back after a port reset within the retry budget. */
    REENUMERATION_TIMEOUT,
    /** The device came back in DFU mode after the firmware download. */
    BOOT_FAILED,
    /** An endpoint stalled. */
    USB_STALL,
    /** A transfer or a wait for the device timed out. */
    TIMEOUT,
    /** The device answered with fewer (or more) bytes than the protocol requires. */
    SHORT_TRANSFER,
    /** The device was unplugged while in use. */
    DISCONNECTED,
    /** A register never reached its expected value within the poll budget. */
    POLL_TIMEOUT,
    /** The device reported a fatal error. */
    DEVICE_ERROR,
    /** The model's Edge TPU package is malformed. */
    INVALID_PACKAGE,
    /** The package is valid but cannot be run by this driver (as with libedgetpu). */
    UNSUPPORTED_EXECUTABLE,
    /** Input data has the wrong size. */
    INVALID_INPUT,
    /** The link speed is too slow for the device. */
    UNSUPPORTED_SPEED,
    /** Other USB errors, or libusb missing. */
    USB_ERROR,
    /** The device was used after it was closed. */
    CLOSED
  }

  private final Code code;

  /** An exception with a code and a one-line message. */
  public EdgeTpuException(Code code, String message) {
    super(message);
    this.code = code;
  }

  /** An exception with a code, a one-line message and a cause. */
  public EdgeTpuException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Which failure this is. */
  public Code code() {
    return code;
  }

  @Override
  public String getMessage() {
    return code + ": " + super.getMessage();
  }
}
