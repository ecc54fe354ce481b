package org.edgetpu4j.device.coral;

import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbSpeed;

/**
 * An attached accelerator as listed by {@link EdgeTpu#list()}.
 *
 * @param mode {@code dfu} (firmware not loaded yet) or {@code app}
 * @param path the USB path it is opened by
 * @param speed link speed
 */
public record EdgeTpuDevice(String mode, String path, UsbSpeed speed) {
  static EdgeTpuDevice of(UsbDeviceInfo d) {
    return new EdgeTpuDevice(d.isDfu() ? "dfu" : "app", d.path(), d.speed());
  }

  @Override
  public String toString() {
    return mode + "  " + path + "  " + speed;
  }
}
