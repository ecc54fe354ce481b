package org.edgetpu4j.device.coral.usb;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.LibUsb;

/** The transport over real USB, through usb4java's libusb binding. */
public final class Usb4javaTransport implements UsbTransport {
  private final Context context = new Context();

  private Usb4javaTransport() {}

  /** Initializes libusb. */
  public static Usb4javaTransport create() throws UsbException {
    Usb4javaTransport t = new Usb4javaTransport();
    int rc;
    try {
      rc = LibUsb.init(t.context);
    } catch (LinkageError | RuntimeException e) {
      throw new UsbException(
          UsbException.Kind.UNAVAILABLE,
          "libusb is not available on this platform (" + e.getMessage() + ")");
    }
    if (rc != LibUsb.SUCCESS) {
      throw error(rc, "initializing libusb");
    }
    return t;
  }

  static UsbException error(int rc, String doing) {
    UsbException.Kind kind =
        switch (rc) {
          case LibUsb.ERROR_NO_DEVICE -> UsbException.Kind.NO_DEVICE;
          case LibUsb.ERROR_NOT_FOUND -> UsbException.Kind.NOT_FOUND;
          case LibUsb.ERROR_ACCESS -> UsbException.Kind.ACCESS;
          case LibUsb.ERROR_BUSY -> UsbException.Kind.BUSY;
          case LibUsb.ERROR_PIPE -> UsbException.Kind.PIPE;
          case LibUsb.ERROR_TIMEOUT -> UsbException.Kind.TIMEOUT;
          case LibUsb.ERROR_OVERFLOW -> UsbException.Kind.OVERFLOW;
          default -> UsbException.Kind.IO;
        };
    return new UsbException(kind, doing + ": " + LibUsb.errorName(rc));
  }

  private static UsbSpeed speed(int s) {
    return switch (s) {
      case LibUsb.SPEED_LOW -> UsbSpeed.LOW;
      case LibUsb.SPEED_FULL -> UsbSpeed.FULL;
      case LibUsb.SPEED_HIGH -> UsbSpeed.HIGH;
      case LibUsb.SPEED_SUPER -> UsbSpeed.SUPER;
      default -> UsbSpeed.UNKNOWN;
    };
  }

  private static UsbDeviceInfo info(Device d) throws UsbException {
    DeviceDescriptor desc = new DeviceDescriptor();
    int rc = LibUsb.getDeviceDescriptor(d, desc);
    if (rc != LibUsb.SUCCESS) {
      throw error(rc, "reading a device descriptor");
    }
    ByteBuffer ports = ByteBuffer.allocateDirect(7);
    int n = LibUsb.getPortNumbers(d, ports);
    int[] chain = new int[Math.max(0, n)];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = ports.get(i) & 0xFF;
    }
    return new UsbDeviceInfo(
        UsbDeviceInfo.path(LibUsb.getBusNumber(d), chain),
        desc.idVendor() & 0xFFFF,
        desc.idProduct() & 0xFFFF,
        speed(LibUsb.getDeviceSpeed(d)));
  }

  @Override
  public List<UsbDeviceInfo> enumerate() throws UsbException {
    DeviceList list = new DeviceList();
    int rc = LibUsb.getDeviceList(context, list);
    if (rc < 0) {
      throw error(rc, "listing USB devices");
    }
    try {
      List<UsbDeviceInfo> out = new ArrayList<>();
      for (Device d : list) {
        out.add(info(d));
      }
      return out;
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
  }

  @Override
  public UsbHandle open(String path) throws UsbException {
    DeviceList list = new DeviceList();
    int rc = LibUsb.getDeviceList(context, list);
    if (rc < 0) {
      throw error(rc, "listing USB devices");
    }
    try {
      for (Device d : list) {
        UsbDeviceInfo info = info(d);
        if (info.path().equals(path)) {
          DeviceHandle h = new DeviceHandle();
          int o = LibUsb.open(d, h);
          if (o != LibUsb.SUCCESS) {
            throw error(o, "opening " + path);
          }
          LibUsb.setAutoDetachKernelDriver(h, true);
          return new Usb4javaHandle(context, h, info);
        }
      }
      throw new UsbException(UsbException.Kind.NOT_FOUND, "no device at " + path);
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
  }

  @Override
  public TimeSource time() {
    return TimeSource.SYSTEM;
  }

  @Override
  public void close() {
    LibUsb.exit(context);
  }
}
