package org.edgetpu4j.device.coral.pkg;

/** One step of an executable's DMA schedule, in the order the device expects it. */
public sealed interface DmaHint {

  /** True for host-to-device (infeed), false for device-to-host (outfeed). */
  boolean infeed();

  /**
   * Send instruction chunk {@code chunk}.
   *
   * @param chunk index into the executable's bitstreams
   * @param infeed the direction flag as stored
   */
  record Instruction(int chunk, boolean infeed) implements DmaHint {}

  /**
   * Transfer {@code size} bytes at {@code offset} of the buffer named by {@code meta}.
   *
   * @param meta the buffer
   * @param offset byte offset in the buffer
   * @param size bytes to transfer
   * @param infeed direction
   */
  record Descriptor(Meta meta, int offset, int size, boolean infeed) implements DmaHint {}

  /**
   * Wait for scalar-core interrupt {@code type} (event tag 4 + type).
   *
   * @param type interrupt 0..3
   * @param infeed direction flag as stored
   */
  record Interrupt(int type, boolean infeed) implements DmaHint {}

  /**
   * Everything before must complete before anything after starts.
   *
   * @param infeed direction flag as stored
   */
  record Fence(boolean infeed) implements DmaHint {}
}
