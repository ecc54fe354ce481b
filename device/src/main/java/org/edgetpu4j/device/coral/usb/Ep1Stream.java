package org.edgetpu4j.device.coral.usb;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles DMAs from the single-endpoint OUT stream: {@code [u32 length LE | u8 tag | 3 zero
 * bytes] + payload}, however the host cut it into transfers.
 */
public final class Ep1Stream {

  /** Largest payload accepted in one DMA. */
  public static final long MAX_DMA_BYTES = 1L << 30;

  /**
   * One reassembled DMA.
   *
   * @param tag descriptor tag (0 instructions, 1 input, 2 parameters)
   * @param header the 8 header bytes
   * @param payload the payload
   */
  public record Dma(int tag, byte[] header, byte[] payload) {}

  private final byte[] header = new byte[8];
  private int headerFill;
  private long expected = -1;
  private ByteArrayOutputStream payload;

  /** Feeds bytes; returns the DMAs they complete. */
  public List<Dma> feed(byte[] data, int offset, int length) {
    List<Dma> done = new ArrayList<>();
    int p = offset;
    int end = offset + length;
    while (p < end) {
      if (expected < 0) {
        int n = Math.min(8 - headerFill, end - p);
        System.arraycopy(data, p, header, headerFill, n);
        headerFill += n;
        p += n;
        if (headerFill == 8) {
          expected =
              (header[0] & 0xFFL)
                  | (header[1] & 0xFFL) << 8
                  | (header[2] & 0xFFL) << 16
                  | (header[3] & 0xFFL) << 24;
          if (expected > MAX_DMA_BYTES) {
            throw new IllegalStateException("DMA header announces " + expected + " bytes");
          }
          payload = new ByteArrayOutputStream((int) Math.min(expected, 1 << 20));
          if (expected == 0) {
            done.add(finish());
          }
        }
      } else {
        int n = (int) Math.min(expected - payload.size(), end - p);
        payload.write(data, p, n);
        p += n;
        if (payload.size() == expected) {
          done.add(finish());
        }
      }
    }
    return done;
  }

  /** True when no DMA is partly received. */
  public boolean idle() {
    return expected < 0 && headerFill == 0;
  }

  private Dma finish() {
    Dma d = new Dma(header[4] & 0x0F, header.clone(), payload.toByteArray());
    expected = -1;
    headerFill = 0;
    payload = null;
    return d;
  }
}
