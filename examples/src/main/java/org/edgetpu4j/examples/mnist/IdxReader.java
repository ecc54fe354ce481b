package org.edgetpu4j.examples.mnist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format: a magic number giving the element type and rank, the
 * dimensions, then the data), gzipped or not. Only unsigned-byte data is read, as MNIST and
 * Fashion-MNIST use it. Malformed files fail with a message saying what was expected, before any
 * large allocation.
 */
public final class IdxReader {
  /** The most elements one file may hold (ten times full MNIST's training images). */
  static final long MAX_ELEMENTS = 500_000_000L;

  private IdxReader() {}

  /**
   * An IDX array of unsigned bytes.
   *
   * @param dims the dimensions, first one the item count
   * @param data the values, row-major
   */
  public record Array(int[] dims, byte[] data) {
    /** Number of items (the first dimension). */
    public int count() {
      return dims[0];
    }

    /** Elements per item. */
    public int itemSize() {
      int n = 1;
      for (int d = 1; d < dims.length; d++) {
        n *= dims[d];
      }
      return n;
    }
  }

  /** Reads one IDX array from {@code in}; {@code what} names the source in error messages. */
  public static Array read(InputStream in, String what) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream raw = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered) : buffered;
    DataInputStream data = new DataInputStream(raw);
    try {
      int magic = data.readInt();
      if ((magic >>> 16) != 0) {
        throw new IOException(
            what
                + ": magic number 0x"
                + Integer.toHexString(magic)
                + " is not an IDX header (expected 0x00000801 or 0x00000803 for unsigned bytes)");
      }
      int type = (magic >>> 8) & 0xff;
      int rank = magic & 0xff;
      if (type != 0x08) {
        throw new IOException(
            what
                + ": element type 0x"
                + Integer.toHexString(type)
                + " is not supported; expected 0x08 (unsigned byte)");
      }
      if (rank < 1 || rank > 4) {
        throw new IOException(what + ": rank " + rank + "; expected 1 to 4 dimensions");
      }
      int[] dims = new int[rank];
      long total = 1;
      for (int d = 0; d < rank; d++) {
        dims[d] = data.readInt();
        if (dims[d] < 0) {
          throw new IOException(what + ": dimension " + d + " is " + dims[d]);
        }
        total *= dims[d];
        if (total > MAX_ELEMENTS) {
          throw new IOException(what + ": header claims more than " + MAX_ELEMENTS + " elements");
        }
      }
      // readNBytes grows its buffer as data arrives, so a lying header costs no memory
      byte[] values = data.readNBytes((int) total);
      if (values.length != total) {
        throw new IOException(
            what
                + ": header announces "
                + total
                + " values but the file"
                + " holds "
                + values.length);
      }
      return new Array(dims, values);
    } catch (EOFException e) {
      throw new IOException(what + ": file ends before the data its header announces", e);
    }
  }
}
