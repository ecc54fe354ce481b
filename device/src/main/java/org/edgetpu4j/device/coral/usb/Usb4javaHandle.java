package org.edgetpu4j.device.coral.usb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.usb4java.Context;
import org.usb4java.DeviceHandle;
import org.usb4java.LibUsb;
import org.usb4java.Transfer;

/** An opened device over usb4java; asynchronous reads are libusb transfers. */
final class Usb4javaHandle implements UsbHandle {
  private final Context context;
  private final DeviceHandle handle;
  private final UsbDeviceInfo info;
  private final List<Transfer> pending = new ArrayList<>();
  private final ConcurrentLinkedDeque<InTransfer> completed = new ConcurrentLinkedDeque<>();
  private boolean closed;

  Usb4javaHandle(Context context, DeviceHandle handle, UsbDeviceInfo info) {
    this.context = context;
    this.handle = handle;
    this.info = info;
  }

  @Override
  public UsbDeviceInfo info() {
    return info;
  }

  @Override
  public void claimInterface(int number) throws UsbException {
    check(LibUsb.claimInterface(handle, number), "claiming interface " + number);
  }

  @Override
  public void releaseInterface(int number) throws UsbException {
    check(LibUsb.releaseInterface(handle, number), "releasing interface " + number);
  }

  private static void check(int rc, String doing) throws UsbException {
    if (rc < 0) {
      throw Usb4javaTransport.error(rc, doing);
    }
  }

  @Override
  public byte[] controlIn(int type, int request, int value, int index, int length, int timeoutMs)
      throws UsbException {
    ByteBuffer b = ByteBuffer.allocateDirect(length);
    int n =
        LibUsb.controlTransfer(
            handle, (byte) type, (byte) request, (short) value, (short) index, b, timeoutMs);
    check(n, "control transfer " + request);
    byte[] out = new byte[n];
    b.get(0, out);
    return out;
  }

  @Override
  public void controlOut(int type, int request, int value, int index, byte[] data, int timeoutMs)
      throws UsbException {
    ByteBuffer b = ByteBuffer.allocateDirect(data.length);
    b.put(data).flip();
    int n =
        LibUsb.controlTransfer(
            handle, (byte) type, (byte) request, (short) value, (short) index, b, timeoutMs);
    check(n, "control transfer " + request);
    if (n != data.length) {
      throw new UsbException(
          UsbException.Kind.IO, "control transfer sent " + n + " of " + data.length + " bytes");
    }
  }

  @Override
  public void bulkOut(int endpoint, byte[] data, int offset, int length, int timeoutMs)
      throws UsbException {
    ByteBuffer b = ByteBuffer.allocateDirect(length);
    b.put(data, offset, length).flip();
    IntBuffer sent = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).asIntBuffer();
    check(
        LibUsb.bulkTransfer(handle, (byte) endpoint, b, sent, timeoutMs),
        "bulk transfer to " + endpoint);
    if (sent.get(0) != length) {
      throw new UsbException(
          UsbException.Kind.IO, "bulk transfer sent " + sent.get(0) + " of " + length + " bytes");
    }
  }

  @Override
  public void submitIn(int endpoint, int length, int timeoutMs) throws UsbException {
    Transfer t = LibUsb.allocTransfer();
    ByteBuffer b = ByteBuffer.allocateDirect(length);
    // Posted reads never time out: they stay pending until data arrives or they are cancelled.
    if (endpoint == 0x83) {
      LibUsb.fillInterruptTransfer(t, handle, (byte) endpoint, b, this::done, length, 0);
    } else {
      LibUsb.fillBulkTransfer(t, handle, (byte) endpoint, b, this::done, length, 0);
    }
    synchronized (pending) {
      pending.add(t);
    }
    int rc = LibUsb.submitTransfer(t);
    if (rc < 0) {
      synchronized (pending) {
        pending.remove(t);
      }
      LibUsb.freeTransfer(t);
      throw Usb4javaTransport.error(rc, "posting a read on " + endpoint);
    }
  }

  private void done(Transfer t) {
    synchronized (pending) {
      pending.remove(t);
    }
    InTransfer.Status st =
        switch (t.status()) {
          case LibUsb.TRANSFER_COMPLETED -> InTransfer.Status.OK;
          case LibUsb.TRANSFER_CANCELLED -> InTransfer.Status.CANCELLED;
          case LibUsb.TRANSFER_STALL -> InTransfer.Status.STALL;
          case LibUsb.TRANSFER_NO_DEVICE -> InTransfer.Status.NO_DEVICE;
          case LibUsb.TRANSFER_OVERFLOW -> InTransfer.Status.OVERFLOW;
          default -> InTransfer.Status.ERROR;
        };
    byte[] data = new byte[st == InTransfer.Status.OK ? t.actualLength() : 0];
    t.buffer().get(0, data);
    completed.add(new InTransfer(t.endpoint() & 0xFF, (Integer) t.userData(), data, st));
    LibUsb.freeTransfer(t);
  }

  @Override
  public InTransfer awaitIn(int timeoutMs) throws UsbException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (completed.isEmpty()) {
      long left = (deadline - System.nanoTime()) / 1000;
      if (left <= 0) {
        throw new UsbException(
            UsbException.Kind.TIMEOUT, "no read completed in " + timeoutMs + " ms");
      }
      check(LibUsb.handleEventsTimeout(context, Math.min(left, 100_000)), "handling USB events");
    }
    return completed.poll();
  }

  @Override
  public int pendingIn() {
    synchronized (pending) {
      return pending.size();
    }
  }

  @Override
  public List<InTransfer> cancelIn() {
    List<Transfer> copy;
    synchronized (pending) {
      copy = new ArrayList<>(pending);
    }
    for (Transfer t : copy) {
      LibUsb.cancelTransfer(t);
    }
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (pendingIn() > 0 && System.nanoTime() < deadline) {
      LibUsb.handleEventsTimeout(context, 50_000);
    }
    List<InTransfer> out = new ArrayList<>();
    InTransfer t;
    while ((t = completed.poll()) != null) {
      out.add(t);
    }
    return out;
  }

  @Override
  public void resetDevice() throws UsbException {
    int rc = LibUsb.resetDevice(handle);
    if (rc < 0 && rc != LibUsb.ERROR_NOT_FOUND && rc != LibUsb.ERROR_NO_DEVICE) {
      throw Usb4javaTransport.error(rc, "resetting the port");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cancelIn();
      LibUsb.close(handle);
    }
  }
}
