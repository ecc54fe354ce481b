package org.edgetpu4j.validator.edgetpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A bounds-checked view of one FlatBuffers table, enough to read the few scalar, string and vector
 * fields of an Edge TPU package without generated code. Every offset is checked against the buffer,
 * so a corrupt package raises {@link IllegalArgumentException} instead of reading garbage.
 */
final class FlatTable {
  private final ByteBuffer bb;
  private final int table;
  private final int vtable;
  private final int vtableSize;

  private FlatTable(ByteBuffer bb, int table) {
    this.bb = bb;
    this.table = check(bb, table, 4, "table");
    this.vtable = check(bb, table - bb.getInt(table), 4, "vtable");
    this.vtableSize = bb.getShort(vtable) & 0xFFFF;
    check(bb, vtable, Math.max(4, vtableSize), "vtable entries");
  }

  /** The root table of {@code bytes}. */
  static FlatTable root(byte[] bytes) {
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    check(bb, 0, 8, "root offset");
    return new FlatTable(bb, bb.getInt(0));
  }

  /** The 4-character file identifier after the root offset. */
  static String identifier(byte[] bytes) {
    return bytes.length < 8 ? "" : new String(bytes, 4, 4, StandardCharsets.ISO_8859_1);
  }

  private int fieldPos(int field) {
    int slot = 4 + 2 * field;
    if (slot + 2 > vtableSize) {
      return 0;
    }
    int off = bb.getShort(vtable + slot) & 0xFFFF;
    return off == 0 ? 0 : table + off;
  }

  /** An int field, or {@code dflt} when absent. */
  int getInt(int field, int dflt) {
    int p = fieldPos(field);
    return p == 0 ? dflt : bb.getInt(check(bb, p, 4, "int field"));
  }

  /** A short field, or {@code dflt} when absent. */
  int getShort(int field, int dflt) {
    int p = fieldPos(field);
    return p == 0 ? dflt : bb.getShort(check(bb, p, 2, "short field"));
  }

  /** A string field. */
  Optional<String> getString(int field) {
    return getBytes(field).map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** A byte-vector (or string) field's bytes. */
  Optional<byte[]> getBytes(int field) {
    int p = fieldPos(field);
    if (p == 0) {
      return Optional.empty();
    }
    int vec = check(bb, p + bb.getInt(check(bb, p, 4, "offset")), 4, "vector");
    int len = bb.getInt(vec);
    check(bb, vec + 4, len, "vector data");
    byte[] out = new byte[len];
    bb.get(vec + 4, out);
    return Optional.of(out);
  }

  /** The byte strings of a vector-of-strings field. */
  java.util.List<byte[]> getByteStrings(int field) {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    int p = fieldPos(field);
    if (p == 0) {
      return out;
    }
    int vec = check(bb, p + bb.getInt(check(bb, p, 4, "offset")), 4, "vector");
    int n = bb.getInt(vec);
    check(bb, vec + 4, 4L * n, "vector elements");
    for (int i = 0; i < n; i++) {
      int e = vec + 4 + 4 * i;
      int s = check(bb, e + bb.getInt(e), 4, "string");
      int len = bb.getInt(s);
      check(bb, s + 4, len, "string data");
      byte[] b = new byte[len];
      bb.get(s + 4, b);
      out.add(b);
    }
    return out;
  }

  private static int check(ByteBuffer bb, long pos, long len, String what) {
    if (pos < 0 || len < 0 || pos + len > bb.capacity()) {
      throw new IllegalArgumentException(
          what
              + " at byte "
              + pos
              + " (length "
              + len
              + ") is outside the "
              + bb.capacity()
              + "-byte package");
    }
    return (int) pos;
  }
}
