package org.edgetpu4j.tflite.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;

/**
 * Writes TFLite models. A model is checked as the reader checks it before any byte is written, so a
 * written file always reads back; files are written to a temporary file beside the target and
 * renamed into place, so a reader never sees half a model.
 *
 * <pre>{@code
 * TfliteWriter.write(model, Path.of("out.tflite"));
 * }</pre>
 */
public final class TfliteWriter {
  private TfliteWriter() {}

  /** The model as TFLite bytes. */
  public static byte[] toBytes(Model model) throws ModelFormatException {
    ModelChecker.check(model);
    return ModelEncoder.encode(model);
  }

  /** Writes the model to {@code path} atomically, replacing any file there. */
  public static void write(Model model, Path path) throws IOException {
    byte[] bytes = toBytes(model);
    writeAtomically(path, bytes);
  }

  /** Writes {@code bytes} to {@code path} through a temporary file and a rename. */
  public static void writeAtomically(Path path, byte[] bytes) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      readableByAll(tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary files are private to their owner; a finished output file is not. */
  private static void readableByAll(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the defaults
    }
  }
}
