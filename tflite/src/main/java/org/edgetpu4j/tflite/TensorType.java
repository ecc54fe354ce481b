package org.edgetpu4j.tflite;

import java.util.Optional;

/** Element types of TFLite tensors, with their schema codes and storage sizes. */
public enum TensorType {
  FLOAT32(0, 32),
  FLOAT16(1, 16),
  INT32(2, 32),
  UINT8(3, 8),
  INT64(4, 64),
  /** Variable-length strings; the buffer holds an offset table followed by the bytes. */
  STRING(5, 0),
  BOOL(6, 8),
  INT16(7, 16),
  COMPLEX64(8, 64),
  INT8(9, 8),
  FLOAT64(10, 64),
  COMPLEX128(11, 128),
  UINT64(12, 64),
  /** Handle to a resource such as a variable; has no fixed-size elements. */
  RESOURCE(13, 0),
  /** A nested tensor list; has no fixed-size elements. */
  VARIANT(14, 0),
  UINT32(15, 32),
  UINT16(16, 16),
  /** Four-bit integers; constant buffers may hold them packed two to a byte. */
  INT4(17, 4),
  BFLOAT16(18, 16);

  private static final TensorType[] BY_CODE = values();

  private final int code;
  private final int bits;

  TensorType(int code, int bits) {
    this.code = code;
    this.bits = bits;
  }

  /** The type's number in the schema's {@code TensorType} enum. */
  public int code() {
    return code;
  }

  /** Bits per element, or 0 for types without fixed-size elements (strings, resources). */
  public int bits() {
    return bits;
  }

  /** True when elements have a fixed size, so a shape determines the byte size. */
  public boolean hasFixedSize() {
    return bits > 0;
  }

  /** Bytes taken by {@code elements} elements, rounded up to whole bytes. */
  public long byteSize(long elements) {
    return Math.multiplyExact(elements, (long) bits) / 8 + ((elements * bits) % 8 == 0 ? 0 : 1);
  }

  /** The type with schema number {@code code}, if it exists. */
  public static Optional<TensorType> fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
  }
}
