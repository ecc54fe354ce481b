package org.edgetpu4j.tflite.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.SchemaLayout;

/**
 * Reads TFLite models. Every input is verified before a model is handed out: the FlatBuffer's
 * structure (offsets, vtables, vectors, strings, unions inside the file), then the model's meaning
 * (indices in range, shapes and byte sizes, constant data lengths, quantization arrays, executable
 * operator order). Whatever the bytes, the only failure is a {@link ModelFormatException} whose
 * message says where and what was expected; no read allocates more than a small multiple of the
 * input's size.
 *
 * <pre>{@code
 * Model model = TfliteReader.read(Path.of("model.tflite"));
 * }</pre>
 */
public final class TfliteReader {
  /** Prefix of the message used when decoding fails in a way verification should have caught. */
  static final String INTERNAL = "internal decoding error";

  private TfliteReader() {}

  /**
   * Reads the model in file {@code path}: a regular file of at most 2 GiB that the heap can hold;
   * directories, devices, pipes and larger files are refused before anything is allocated.
   *
   * @throws IOException when the file cannot be read or is not a regular file of a model's size
   * @throws ModelFormatException when its bytes are not a valid model
   */
  public static Model read(Path path) throws IOException {
    byte[] bytes = FileBytes.read(path, MAX_FILE_BYTES, FileBytes.Special.REFUSE, "a .tflite file");
    try {
      return read(bytes);
    } catch (ModelFormatException e) {
      throw new ModelFormatException(path + ": " + e.getMessage(), e);
    }
  }

  /** The largest model file read: models over 2 GiB are not supported. */
  public static final long MAX_FILE_BYTES = FileBytes.MAX_ARRAY;

  /** Reads the model in {@code bytes}. */
  public static Model read(byte[] bytes) throws ModelFormatException {
    return read(ByteBuffer.wrap(bytes));
  }

  /** Reads the model in the remaining bytes of {@code buffer}; the buffer is not modified. */
  public static Model read(ByteBuffer buffer) throws ModelFormatException {
    ByteBuffer bb = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    FlatVerifier.verify(bb, SchemaLayout.tflite());
    Model model;
    try {
      model = ModelDecoder.decode(bb);
    } catch (RuntimeException e) {
      // Verification makes this unreachable; kept so that no other exception type can escape.
      throw new ModelFormatException(INTERNAL + ": " + e, e);
    }
    ModelChecker.check(model);
    return model;
  }
}
