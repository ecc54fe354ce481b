package org.edgetpu4j.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable byte string that compares by content: buffer data, custom options, metadata.
 *
 * <p>Bytes are copied on the way in; {@link #asByteBuffer()} gives a read-only little-endian view
 * without copying, which is how kernels read constant tensors.
 */
public final class ByteArray {
  private static final ByteArray EMPTY = new ByteArray(new byte[0]);

  private final byte[] bytes;

  private ByteArray(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Returns a byte string holding a copy of {@code bytes}. */
  public static ByteArray of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new ByteArray(bytes.clone());
  }

  /** Returns a byte string holding a copy of the remaining bytes of {@code buffer}. */
  public static ByteArray copyOf(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy.length == 0 ? EMPTY : new ByteArray(copy);
  }

  /** Returns the empty byte string. */
  public static ByteArray empty() {
    return EMPTY;
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** True when there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return bytes[index];
  }

  /** A fresh copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** A read-only little-endian view of the bytes, positioned at 0. */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteArray other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ByteArray[" + bytes.length + " bytes]";
  }
}
