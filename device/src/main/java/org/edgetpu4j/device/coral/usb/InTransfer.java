package org.edgetpu4j.device.coral.usb;

/**
 * A completed asynchronous IN transfer.
 *
 * @param endpoint endpoint address (0x81, 0x82 or 0x83)
 * @param requested bytes requested when it was posted
 * @param data bytes received (empty when cancelled or failed)
 * @param status how it completed
 */
public record InTransfer(int endpoint, int requested, byte[] data, Status status) {

  /** Completion status. */
  public enum Status {
    /** Completed with data. */
    OK,
    /** Cancelled by the host. */
    CANCELLED,
    /** The endpoint stalled. */
    STALL,
    /** The device went away. */
    NO_DEVICE,
    /** The device sent more than requested. */
    OVERFLOW,
    /** Other error. */
    ERROR
  }
}
