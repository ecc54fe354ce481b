package org.edgetpu4j.examples.mnist;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates a fresh run directory, never reusing one that exists: a second run never clobbers. */
final class RunDirectory {
  private RunDirectory() {}

  /** {@code wanted}, or {@code wanted-2}, {@code wanted-3}, ... whichever does not exist yet. */
  static Path create(Path wanted) throws IOException {
    Files.createDirectories(wanted.toAbsolutePath().getParent());
    for (int i = 1; i < 10_000; i++) {
      Path candidate = i == 1 ? wanted : wanted.resolveSibling(wanted.getFileName() + "-" + i);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        // taken: try the next name
      }
    }
    throw new IOException("no free run directory next to " + wanted);
  }
}
