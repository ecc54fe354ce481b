package org.edgetpu4j.device.coral.usb;

/** USB link speeds as libusb reports them. */
public enum UsbSpeed {
  /** Speed not reported. */
  UNKNOWN,
  /** 1.5 Mbit/s. */
  LOW,
  /** 12 Mbit/s. */
  FULL,
  /** USB2 High Speed, 480 Mbit/s. */
  HIGH,
  /** USB3 SuperSpeed, 5 Gbit/s. */
  SUPER,
  /** USB3 SuperSpeed+, 10 Gbit/s. */
  SUPER_PLUS
}
