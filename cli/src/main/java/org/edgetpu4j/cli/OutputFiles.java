package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.io.AtomicFiles;

/**
 * Writes the commands' output files atomically and reports failures as output errors (exit 2,
 * "cannot write output FILE: reason"). A command's outputs are a unit: when one cannot be written,
 * the ones already written and the directories created for them are removed again.
 */
final class OutputFiles {
  /** How bytes reach a file; {@link AtomicFiles#write} outside tests. */
  @FunctionalInterface
  interface Writer {
    void write(Path target, byte[] bytes) throws IOException;
  }

  private final Writer writer;
  private final List<Path> written = new ArrayList<>();
  private final List<Path> createdDirs = new ArrayList<>();

  OutputFiles() {
    this(AtomicFiles::write);
  }

  OutputFiles(Writer writer) {
    this.writer = writer;
  }

  /** Creates {@code dir} (and parents) for the outputs; removed again if the outputs fail. */
  void directory(Path dir) {
    try {
      createdDirs.addAll(AtomicFiles.createDirectories(dir));
    } catch (IOException e) {
      throw failure(dir, e);
    }
  }

  /** Writes one output file; on failure removes this unit's outputs and throws exit code 2. */
  void write(Path target, byte[] bytes) {
    try {
      writer.write(target, bytes);
      written.add(target);
    } catch (IOException e) {
      rollback();
      throw failure(target, e);
    }
  }

  /** Removes the files written so far and the directories created for them. */
  void rollback() {
    for (Path p : written) {
      try {
        java.nio.file.Files.deleteIfExists(p);
      } catch (IOException e) {
        // best effort: the failure being reported matters more
      }
    }
    written.clear();
    for (int i = createdDirs.size() - 1; i >= 0; i--) {
      AtomicFiles.deleteIfEmpty(createdDirs.get(i));
    }
    createdDirs.clear();
  }

  /** Writes a single output file on its own. */
  static void writeOne(Path target, byte[] bytes) {
    new OutputFiles().write(target, bytes);
  }

  static CliException failure(Path target, IOException e) {
    return new CliException(
        CliException.BAD_INPUT, "cannot write output " + target + ": " + reason(e), e);
  }

  /** The operating system's reason, without the path repeated or the exception's class. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    return m == null ? "input/output error" : m;
  }
}
