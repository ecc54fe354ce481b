package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input files for the commands, refusing sizes no tensor can have before reading them. */
final class InputFiles {
  /** The largest input file read whole (the interpreter's arena holds at most 1 GiB). */
  static final long MAX_BYTES = 1L << 30;

  private InputFiles() {}

  /** The bytes of {@code p}; a file over {@link #MAX_BYTES} is refused with exit code 2. */
  static byte[] read(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      throw new CliException(CliException.BAD_INPUT, p + " is a directory; expected a file");
    }
    long size = Files.size(p);
    if (size > MAX_BYTES) {
      throw new CliException(
          CliException.BAD_INPUT,
          p
              + " is "
              + size
              + " bytes; input tensors"
              + " of more than "
              + MAX_BYTES
              + " bytes are not supported");
    }
    return Files.readAllBytes(p);
  }
}
