package org.edgetpu4j.device.coral.pkg;

import java.util.List;

/**
 * One instruction chunk of an executable.
 *
 * @param bits the encoded instructions as compiled (address fields unlinked)
 * @param fieldOffsets the fields the driver links before sending the chunk
 */
public record Bitstream(byte[] bits, List<FieldOffset> fieldOffsets) {
  /** Copies the list. */
  public Bitstream {
    fieldOffsets = List.copyOf(fieldOffsets);
  }
}
