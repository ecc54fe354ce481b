package org.edgetpu4j.device.coral.pkg;

/**
 * A place in an instruction bitstream where the driver writes 32 bits of a buffer address.
 *
 * @param meta which buffer and which half of its address
 * @param offsetBit bit offset of the 32-bit field in the bitstream
 */
public record FieldOffset(Meta meta, int offsetBit) {}
