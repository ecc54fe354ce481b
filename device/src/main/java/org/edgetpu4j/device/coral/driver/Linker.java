package org.edgetpu4j.device.coral.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.edgetpu4j.device.coral.pkg.Bitstream;
import org.edgetpu4j.device.coral.pkg.FieldOffset;
import org.edgetpu4j.device.coral.pkg.Meta;

/**
 * Links instruction chunks: writes 32 bits of a buffer address at every field offset, LSB first
 * (bit k of the value goes to bit {@code (offset+k) % 8} of byte {@code (offset+k) / 8}); position
 * 0 takes the low half of the address, position 1 the high half.
 */
public final class Linker {
  private Linker() {}

  /**
   * Returns linked copies of the chunks.
   *
   * @param address the device address of the buffer a field names, or -1 when there is none
   */
  public static List<byte[]> link(List<Bitstream> chunks, ToLongFunction<Meta> address) {
    List<byte[]> out = new ArrayList<>();
    for (Bitstream b : chunks) {
      byte[] bits = b.bits().clone();
      for (FieldOffset f : b.fieldOffsets()) {
        long a = address.applyAsLong(f.meta());
        if (a < 0) {
          continue;
        }
        long v = f.meta().position() == 1 ? a >>> 32 : a & 0xFFFFFFFFL;
        for (int k = 0; k < 32; k++) {
          int bit = f.offsetBit() + k;
          int mask = 1 << (bit & 7);
          if (((v >>> k) & 1) != 0) {
            bits[bit >>> 3] |= (byte) mask;
          } else {
            bits[bit >>> 3] &= (byte) ~mask;
          }
        }
      }
      out.add(bits);
    }
    return out;
  }
}
