package org.edgetpu4j.device.coral.driver;

import java.util.Arrays;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuException.Code;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;
import org.edgetpu4j.device.coral.usb.UsbTransport;

/**
 * Brings a device to application mode as libedgetpu does: open by path, read the device descriptor,
 * port reset, reopen; in DFU mode download the firmware in {@code wTransferSize} blocks with a
 * status check after each, send a zero-length block, upload and compare, release, reset, and reopen
 * by path with bounded retries.
 */
final class DfuBoot {
  /** Open attempts after a reset, each preceded by a 1 s sleep (libedgetpu's budget). */
  static final int OPEN_ATTEMPTS = 25;

  static final int DESCRIPTOR_TIMEOUT_MS = 1000;

  private DfuBoot() {}

  /** Returns an opened application-mode handle with interface 0 claimed. */
  static UsbHandle boot(UsbTransport t, String path, boolean dfu, byte[] firmware)
      throws EdgeTpuException, InterruptedException {
    t.phase(dfu ? "dfu" : "open");
    UsbHandle h = openWithRetry(t, path);
    try {
      byte[] dev =
          control(
              h, 0x80, 6, 0x0100, 0, 18, DESCRIPTOR_TIMEOUT_MS, "reading the device descriptor");
      if (dev.length < 12) {
        throw new EdgeTpuException(
            Code.SHORT_TRANSFER, "device descriptor of " + dev.length + " bytes");
      }
      int vid = (dev[8] & 0xFF) | (dev[9] & 0xFF) << 8;
      int pid = (dev[10] & 0xFF) | (dev[11] & 0xFF) << 8;
      boolean isDfu = vid == 0x1A6E && pid == 0x089A;
      boolean isApp = vid == 0x18D1 && pid == 0x9302;
      if (!isDfu && !isApp) {
        throw new EdgeTpuException(
            Code.NO_DEVICE,
            String.format("device at %s is %04x:%04x, not an Edge TPU", path, vid, pid));
      }
      reset(h);
      h.close();
      h = null;
      if (isApp) {
        return claimApp(t, path);
      }
      h = openWithRetry(t, path);
      download(h, firmware);
      release(h, 0);
      reset(h);
      t.phase("open");
      h.close();
      h = null;
      return claimApp(t, path);
    } finally {
      if (h != null) {
        h.close();
      }
    }
  }

  private static UsbHandle claimApp(UsbTransport t, String path)
      throws EdgeTpuException, InterruptedException {
    t.phase("open");
    UsbHandle h = openWithRetry(t, path);
    if (!h.info().isApp()) {
      h.close();
      throw new EdgeTpuException(
          Code.BOOT_FAILED,
          "device at "
              + path
              + " came back as "
              + h.info().ids()
              + " (DFU mode): the firmware did not start; replug the accelerator and retry");
    }
    try {
      h.claimInterface(0);
    } catch (UsbException e) {
      h.close();
      throw UsbIo.map(e, "claiming interface 0");
    }
    return h;
  }

  private static void download(UsbHandle h, byte[] fw) throws EdgeTpuException {
    byte[] cfg =
        control(
            h,
            0x80,
            6,
            0x0200,
            0,
            521,
            DESCRIPTOR_TIMEOUT_MS,
            "reading the configuration descriptor");
    int[] dfu = findDfuInterface(cfg);
    int iface = dfu[0];
    int blockSize = dfu[1];
    try {
      h.claimInterface(iface);
    } catch (UsbException e) {
      throw UsbIo.map(e, "claiming the DFU interface");
    }
    int block = 0;
    for (int off = 0; off < fw.length; off += blockSize, block++) {
      byte[] chunk = Arrays.copyOfRange(fw, off, Math.min(fw.length, off + blockSize));
      dnload(h, iface, block, chunk);
      status(h, iface, 5, "after block " + block);
    }
    dnload(h, iface, block, new byte[0]);
    status(h, iface, 2, "after the final zero-length block");
    java.io.ByteArrayOutputStream up = new java.io.ByteArrayOutputStream();
    for (int b = 0; b < 0x10000; b++) {
      byte[] d = control(h, 0xA1, 2, b & 0xFFFF, iface, blockSize, UsbIo.TIMEOUT_MS, "DFU upload");
      up.write(d, 0, d.length);
      if (d.length < blockSize) {
        break;
      }
    }
    byte[] back = up.toByteArray();
    if (back.length < fw.length || !Arrays.equals(back, 0, fw.length, fw, 0, fw.length)) {
      throw new EdgeTpuException(
          Code.FIRMWARE_DOWNLOAD_FAILED,
          "firmware read back from the device differs from the image sent");
    }
  }

  private static void dnload(UsbHandle h, int iface, int block, byte[] data)
      throws EdgeTpuException {
    try {
      h.controlOut(0x21, 1, block & 0xFFFF, iface, data, UsbIo.TIMEOUT_MS);
    } catch (UsbException e) {
      throw UsbIo.map(e, "DFU download of block " + block);
    }
  }

  private static void status(UsbHandle h, int iface, int state, String when)
      throws EdgeTpuException {
    byte[] s = control(h, 0xA1, 3, 0, iface, 6, UsbIo.TIMEOUT_MS, "DFU get status");
    if (s.length != 6 || s[0] != 0 || s[4] != state) {
      throw new EdgeTpuException(
          Code.FIRMWARE_DOWNLOAD_FAILED,
          "firmware downloading failed "
              + when
              + ": DFU status "
              + (s.length > 0 ? s[0] : -1)
              + ", state "
              + (s.length > 4 ? s[4] : -1)
              + ", expected status 0 and state "
              + state);
    }
  }

  /** Returns {interface number, wTransferSize} of the first DFU interface in a configuration. */
  static int[] findDfuInterface(byte[] cfg) throws EdgeTpuException {
    int iface = -1;
    for (int p = 0; p + 2 <= cfg.length; ) {
      int len = cfg[p] & 0xFF;
      int type = cfg[p + 1] & 0xFF;
      if (len < 2 || p + len > cfg.length) {
        break;
      }
      if (type == 4 && len >= 9) {
        boolean dfu = cfg[p + 4] == 0 && (cfg[p + 5] & 0xFF) == 0xFE && cfg[p + 6] == 1;
        iface = dfu ? cfg[p + 2] & 0xFF : -1;
      } else if (type == 0x21 && len >= 7 && iface >= 0) {
        int size = (cfg[p + 5] & 0xFF) | (cfg[p + 6] & 0xFF) << 8;
        if (size > 0) {
          return new int[] {iface, size};
        }
      }
      p += len;
    }
    throw new EdgeTpuException(
        Code.FIRMWARE_DOWNLOAD_FAILED,
        "the DFU-mode device has no DFU interface with a functional descriptor");
  }

  private static byte[] control(
      UsbHandle h, int type, int req, int value, int index, int len, int timeout, String doing)
      throws EdgeTpuException {
    try {
      return h.controlIn(type, req, value, index, len, timeout);
    } catch (UsbException e) {
      throw UsbIo.map(e, doing);
    }
  }

  private static void reset(UsbHandle h) throws EdgeTpuException {
    try {
      h.resetDevice();
    } catch (UsbException e) {
      if (e.kind() != UsbException.Kind.NO_DEVICE && e.kind() != UsbException.Kind.NOT_FOUND) {
        throw UsbIo.map(e, "resetting the port");
      }
    }
  }

  private static void release(UsbHandle h, int iface) throws EdgeTpuException {
    try {
      h.releaseInterface(iface);
    } catch (UsbException e) {
      throw UsbIo.map(e, "releasing the DFU interface");
    }
  }

  /** Opens by path; up to {@link #OPEN_ATTEMPTS} attempts, each after a 1 s sleep. */
  static UsbHandle openWithRetry(UsbTransport t, String path)
      throws EdgeTpuException, InterruptedException {
    UsbException last = null;
    for (int i = 0; i < OPEN_ATTEMPTS; i++) {
      t.sleep(1000);
      try {
        return t.open(path);
      } catch (UsbException e) {
        if (e.kind() != UsbException.Kind.NOT_FOUND && e.kind() != UsbException.Kind.NO_DEVICE) {
          throw UsbIo.map(e, "opening " + path);
        }
        last = e;
      }
    }
    throw new EdgeTpuException(
        Code.REENUMERATION_TIMEOUT,
        "no device reappeared at "
            + path
            + " after "
            + OPEN_ATTEMPTS
            + " attempts over "
            + OPEN_ATTEMPTS
            + " s"
            + (last == null ? "" : " (" + last.getMessage() + ")"));
  }
}
