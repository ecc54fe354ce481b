package org.edgetpu4j.tflite.io;

import java.io.IOException;
import java.nio.file.Path;
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

  /**
   * Writes {@code bytes} to {@code path} through a temporary file and a rename ({@link
   * AtomicFiles#write}).
   */
  public static void writeAtomically(Path path, byte[] bytes) throws IOException {
    AtomicFiles.write(path, bytes);
  }
}
