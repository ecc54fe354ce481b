package org.edgetpu4j.device.coral.driver;

import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuException.Code;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;

/** Register access and error mapping over one opened application-mode device. */
final class UsbIo {
  /** libedgetpu's USB transfer timeout. */
  static final int TIMEOUT_MS = 6000;

  /** Reads per register poll before giving up. */
  static final int POLL_LIMIT = 1000;

  final UsbHandle handle;

  UsbIo(UsbHandle handle) {
    this.handle = handle;
  }

  long read32(long addr) throws EdgeTpuException {
    return read(addr, 4);
  }

  long read64(long addr) throws EdgeTpuException {
    return read(addr, 8);
  }

  void write32(long addr, long value) throws EdgeTpuException {
    write(addr, value, 4);
  }

  void write64(long addr, long value) throws EdgeTpuException {
    write(addr, value, 8);
  }

  private long read(long addr, int width) throws EdgeTpuException {
    byte[] d;
    try {
      d =
          handle.controlIn(
              0xC0,
              width == 8 ? 0 : 1,
              (int) (addr & 0xFFFF),
              (int) (addr >>> 16),
              width,
              TIMEOUT_MS);
    } catch (UsbException e) {
      throw map(e, "reading register " + Csr.name(addr));
    }
    if (d.length != width) {
      throw new EdgeTpuException(
          Code.SHORT_TRANSFER,
          "invalid register data: "
              + d.length
              + " bytes read from "
              + Csr.name(addr)
              + ", expected "
              + width);
    }
    long v = 0;
    for (int i = 0; i < width; i++) {
      v |= (d[i] & 0xFFL) << (8 * i);
    }
    return v;
  }

  private void write(long addr, long value, int width) throws EdgeTpuException {
    byte[] d = new byte[width];
    for (int i = 0; i < width; i++) {
      d[i] = (byte) (value >>> (8 * i));
    }
    try {
      handle.controlOut(
          0x40, width == 8 ? 0 : 1, (int) (addr & 0xFFFF), (int) (addr >>> 16), d, TIMEOUT_MS);
    } catch (UsbException e) {
      throw map(e, "writing register " + Csr.name(addr));
    }
  }

  /**
   * Polls a register until {@code (value & mask) == expected}, at most {@link #POLL_LIMIT} reads.
   */
  void poll(long addr, int width, long mask, long expected) throws EdgeTpuException {
    for (int i = 0; i < POLL_LIMIT; i++) {
      if ((read(addr, width) & mask) == expected) {
        return;
      }
    }
    throw new EdgeTpuException(
        Code.POLL_TIMEOUT,
        Csr.name(addr)
            + " did not reach 0x"
            + Long.toHexString(expected)
            + " (mask 0x"
            + Long.toHexString(mask)
            + ") in "
            + POLL_LIMIT
            + " reads");
  }

  /** Maps a USB failure to the driver's codes. */
  static EdgeTpuException map(UsbException e, String doing) {
    Code code =
        switch (e.kind()) {
          case NO_DEVICE -> Code.DISCONNECTED;
          case NOT_FOUND -> Code.NO_DEVICE;
          case ACCESS -> Code.PERMISSION_DENIED;
          case BUSY -> Code.DEVICE_BUSY;
          case PIPE -> Code.USB_STALL;
          case TIMEOUT -> Code.TIMEOUT;
          case OVERFLOW -> Code.SHORT_TRANSFER;
          default -> Code.USB_ERROR;
        };
    String extra =
        code == Code.PERMISSION_DENIED
            ? "; install this udev rule (e.g. /etc/udev/rules.d/99-edgetpu-accelerator.rules), then"
                + " replug the device:\n"
                + EdgeTpuException.UDEV_RULE
            : "";
    return new EdgeTpuException(code, doing + " failed: " + e.getMessage() + extra, e);
  }
}
