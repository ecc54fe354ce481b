package org.edgetpu4j.device.coral.usb;

/** An opened USB device: what the Edge TPU driver needs from libusb. */
public interface UsbHandle extends AutoCloseable {

  /** The device this handle was opened on. */
  UsbDeviceInfo info();

  /** Claims an interface. */
  void claimInterface(int number) throws UsbException;

  /** Releases an interface. */
  void releaseInterface(int number) throws UsbException;

  /**
   * A device-to-host control transfer.
   *
   * @return the bytes received (possibly fewer than {@code length})
   */
  byte[] controlIn(int requestType, int request, int value, int index, int length, int timeoutMs)
      throws UsbException;

  /** A host-to-device control transfer with {@code data} (possibly empty). */
  void controlOut(int requestType, int request, int value, int index, byte[] data, int timeoutMs)
      throws UsbException;

  /** A synchronous bulk OUT transfer of {@code data[offset, offset+length)}. */
  void bulkOut(int endpoint, byte[] data, int offset, int length, int timeoutMs)
      throws UsbException;

  /** Posts an asynchronous IN read that stays pending until data arrives or it is cancelled. */
  void submitIn(int endpoint, int length, int timeoutMs) throws UsbException;

  /**
   * Waits up to {@code timeoutMs} for the next posted read to complete.
   *
   * @throws UsbException of kind {@link UsbException.Kind#TIMEOUT} when none completes in time
   */
  InTransfer awaitIn(int timeoutMs) throws UsbException;

  /** Number of posted reads still pending. */
  int pendingIn();

  /** Cancels every posted read; returns them, in posting order, with status CANCELLED. */
  java.util.List<InTransfer> cancelIn();

  /** Resets the port; the device re-enumerates and this handle becomes unusable. */
  void resetDevice() throws UsbException;

  /** Closes the handle; never throws. */
  @Override
  void close();
}
