package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.edgetpu4j.tflite.io.FileBytes;

/**
 * Reads input files for the commands with a bound: the size is checked before reading, a file that
 * grows while read is refused, and devices or pipes are read only up to the bound (so {@code
 * /dev/zero} is refused after one byte too many, not after filling the heap).
 */
final class InputFiles {
  /** The largest input file read whole (the interpreter's arena holds at most 1 GiB). */
  static final long MAX_BYTES = 1L << 30;

  private InputFiles() {}

  /** The bytes of {@code p}, at most {@link #MAX_BYTES}; larger files are refused (exit 2). */
  static byte[] read(Path p) throws IOException {
    return read(p, MAX_BYTES, "an input tensor");
  }

  /**
   * The bytes of {@code p}, at most {@code maxBytes}.
   *
   * @param expected what the file should hold, for the message
   */
  static byte[] read(Path p, long maxBytes, String expected) throws IOException {
    return FileBytes.read(p, maxBytes, FileBytes.Special.READ_BOUNDED, expected);
  }
}
