package org.edgetpu4j.device.coral.usb;

import java.util.List;

/**
 * The seam between the Edge TPU driver and USB: enumerate, open by path, and time. Implemented by
 * usb4java for real hardware and by the simulated device for tests and hardware-free runs.
 */
public interface UsbTransport extends AutoCloseable {

  /** Lists the attached devices. */
  List<UsbDeviceInfo> enumerate() throws UsbException;

  /** Opens the device at {@code path} (matched by bus and port chain, not by ids). */
  UsbHandle open(String path) throws UsbException;

  /** The clock used for sleeps and poll budgets. */
  TimeSource time();

  /** Marks the start of a driver phase ({@code dfu}, {@code init}, ...); a recorder notes it. */
  default void phase(String name) {}

  /** Notes what the driver returned for output layer {@code index}; a recorder notes it. */
  default void result(int index, String name, byte[] bytes) {}

  /** Waits {@code ms} milliseconds on this transport's clock (a recorder notes the sleep). */
  default void sleep(long ms) throws InterruptedException {
    time().sleep(ms);
  }

  /** Releases the transport's resources; never throws. */
  @Override
  default void close() {}
}
