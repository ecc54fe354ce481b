package org.edgetpu4j.device.coral.usb;

/**
 * One enumerated USB device.
 *
 * @param path {@code /sys/bus/usb/devices/<bus>-<port>[.<port>...]}, stable across re-enumeration
 * @param vendorId USB vendor id
 * @param productId USB product id
 * @param speed link speed
 */
public record UsbDeviceInfo(String path, int vendorId, int productId, UsbSpeed speed) {

  /** Vendor and product id of a Coral USB Accelerator before its firmware is loaded. */
  public static final int DFU_VID = 0x1A6E;

  /** Product id in DFU mode. */
  public static final int DFU_PID = 0x089A;

  /** Vendor id once the application firmware runs. */
  public static final int APP_VID = 0x18D1;

  /** Product id once the application firmware runs. */
  public static final int APP_PID = 0x9302;

  /** True when this is an Edge TPU waiting for its firmware. */
  public boolean isDfu() {
    return vendorId == DFU_VID && productId == DFU_PID;
  }

  /** True when this is an Edge TPU running its application firmware. */
  public boolean isApp() {
    return vendorId == APP_VID && productId == APP_PID;
  }

  /** {@code vvvv:pppp}. */
  public String ids() {
    return String.format("%04x:%04x", vendorId, productId);
  }

  /** Builds the sysfs-style path from a bus number and port chain. */
  public static String path(int bus, int[] ports) {
    StringBuilder sb = new StringBuilder("/sys/bus/usb/devices/").append(bus).append('-');
    for (int i = 0; i < ports.length; i++) {
      sb.append(i == 0 ? "" : ".").append(ports[i]);
    }
    return sb.toString();
  }
}
