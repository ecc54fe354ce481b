package org.edgetpu4j.tflite;

import java.util.Objects;

/**
 * A raw data buffer of the model: constant tensor data or metadata. Data that large models keep
 * after the flatbuffer (offset/size) is read into {@code data} like inline data.
 *
 * @param data the bytes, empty for the sentinel buffer and for non-constant tensors
 */
public record Buffer(ByteArray data) {
  /** The empty buffer. */
  public static final Buffer EMPTY = new Buffer(ByteArray.empty());

  /** Checks that the data is not null. */
  public Buffer {
    Objects.requireNonNull(data, "data");
  }

  /** A buffer holding a copy of {@code bytes}. */
  public static Buffer of(byte[] bytes) {
    return new Buffer(ByteArray.of(bytes));
  }
}
