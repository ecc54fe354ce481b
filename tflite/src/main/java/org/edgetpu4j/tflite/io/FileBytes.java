package org.edgetpu4j.tflite.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads whole files with a bound: the size is checked before anything of that size is allocated, a
 * file that grows while it is read is refused, and special files (devices, pipes) are either
 * refused or read only up to the bound. Every refusal is an {@link IOException} whose message names
 * the file, what it is and what was expected.
 */
public final class FileBytes {
  /** The largest byte array a JVM allocates. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

  private FileBytes() {}

  /** How a special file (device, pipe, socket) is handled. */
  public enum Special {
    /** Refused: only regular files are read. */
    REFUSE,
    /** Read up to the bound; more than that is refused. */
    READ_BOUNDED
  }

  /**
   * The bytes of {@code path}, at most {@code maxBytes} of them.
   *
   * @param expected what the file should be, for messages ("a .tflite model", "input 0 ...")
   * @throws IOException when the file is missing, a directory, too large, larger than the heap can
   *     hold, grows while read, or is a special file that {@code special} refuses
   */
  public static byte[] read(Path path, long maxBytes, Special special, String expected)
      throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
    if (attrs.isDirectory()) {
      throw new IOException(path + " is a directory; expected " + expected);
    }
    long max = Math.min(maxBytes, MAX_ARRAY);
    if (!attrs.isRegularFile()) {
      if (special == Special.REFUSE) {
        throw new IOException(
            path + " is not a regular file (a device, pipe or socket); expected " + expected);
      }
      return readStream(path, max, expected);
    }
    long size = attrs.size();
    if (size > max) {
      throw new IOException(
          path + " is " + size + " bytes, more than the " + max + " allowed for " + expected);
    }
    requireHeap(path, size);
    byte[] out = new byte[(int) size];
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.wrap(out);
      while (bb.hasRemaining()) {
        if (ch.read(bb) < 0) {
          return Arrays.copyOf(out, bb.position()); // shrank while read: what is there
        }
      }
      if (ch.read(ByteBuffer.allocate(1)) > 0) {
        throw new IOException(path + " grew while it was read; expected a file that is complete");
      }
    }
    return out;
  }

  /** Refuses a read of {@code bytes} the heap cannot hold at the moment. */
  private static void requireHeap(Path path, long bytes) throws IOException {
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (bytes > free) {
      System.gc(); // garbage may still be counted as used: ask once before refusing
      free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
    if (bytes > free) {
      throw new IOException(
          path
              + " is "
              + bytes
              + " bytes, more than the "
              + free
              + " bytes of memory this JVM has free (raise -Xmx)");
    }
  }

  private static byte[] readStream(Path path, long max, String expected) throws IOException {
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      byte[] buf = new byte[(int) Math.min(max + 1, 1 << 16)];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (buf.length > max) {
            break;
          }
          long grown = Math.min((long) buf.length * 2, max + 1);
          requireHeap(path, grown);
          buf = Arrays.copyOf(buf, (int) grown);
        }
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          return Arrays.copyOf(buf, n);
        }
        n += r;
      }
      throw new IOException(
          path + " gives more than the " + max + " bytes allowed for " + expected);
    }
  }
}
