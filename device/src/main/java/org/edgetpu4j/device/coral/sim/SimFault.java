package org.edgetpu4j.device.coral.sim;

/** Faults the simulated device can inject. */
public enum SimFault {
  /** No accelerator is attached. */
  NO_DEVICE,
  /** Opening the device is denied (missing udev rule). */
  ACCESS_DENIED,
  /** Another process holds the interface. */
  BUSY,
  /** The first register access stalls the control endpoint. */
  STALL,
  /** The device never signals completion of an inference. */
  TIMEOUT,
  /** Register reads return fewer bytes than requested. */
  SHORT_TRANSFER,
  /** The device is unplugged right after the first input DMA. */
  DISCONNECT_MID_INFERENCE,
  /** After the firmware download the device takes longer to come back than the retry budget. */
  SLOW_REENUMERATION,
  /** After the firmware download the device comes back still in DFU mode. */
  COMES_BACK_IN_DFU,
  /** The chip raises a fatal error (interrupt bit 0 on 0x83) at the first input DMA. */
  FATAL_ERROR,
  /** The device is on a USB2 High Speed link: 256-byte output chunks. */
  USB2_HIGH_SPEED
}
