/** Records what a driver does over USB as {@code coral-usb-trace/1} JSON lines. */
package org.edgetpu4j.device.coral.trace;
