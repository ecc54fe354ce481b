/**
 * The USB seam of the driver ({@link org.edgetpu4j.device.coral.usb.UsbTransport}, {@link
 * org.edgetpu4j.device.coral.usb.UsbHandle}) and its usb4java implementation.
 */
package org.edgetpu4j.device.coral.usb;
