package org.edgetpu4j.device.coral.pkg;

import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked view of one FlatBuffer table. Every offset is checked against the buffer before
 * it is followed, so a damaged buffer gives a {@link PackageFormatException} naming the table and
 * field, never an out-of-range read or a large allocation.
 */
final class FlatTable {
  private final byte[] buf;
  private final int pos;
  private final int vtable;
  private final int vtableLength;
  private final String where;

  private FlatTable(byte[] buf, int pos, String where) {
    this.buf = buf;
    this.where = where;
    this.pos = pos;
    long vt = (long) pos - i32(buf, pos, where);
    if (vt < 0 || vt + 4 > buf.length) {
      throw fail(where, "vtable offset points outside the buffer");
    }
    this.vtable = (int) vt;
    this.vtableLength = u16(buf, vtable, where);
    if (vtableLength < 4 || (vtableLength & 1) != 0 || vtable + (long) vtableLength > buf.length) {
      throw fail(where, "vtable length " + vtableLength + " is invalid");
    }
  }

  /** The root table of {@code buf}. */
  static FlatTable root(byte[] buf, String where) {
    if (buf.length < 8) {
      throw fail(where, "buffer of " + buf.length + " bytes is too short for a FlatBuffer");
    }
    return at(buf, u32(buf, 0, where), where);
  }

  private static FlatTable at(byte[] buf, long pos, String where) {
    if (pos < 0 || pos + 4 > buf.length) {
      throw fail(where, "table offset " + pos + " is outside the buffer of " + buf.length);
    }
    return new FlatTable(buf, (int) pos, where);
  }

  /** The 4-character file identifier at bytes 4..7 of a buffer. */
  static String identifier(byte[] buf) {
    return buf.length < 8 ? "" : new String(buf, 4, 4, StandardCharsets.ISO_8859_1);
  }

  private int field(int slot) {
    int entry = 4 + 2 * slot;
    if (entry + 2 > vtableLength) {
      return 0;
    }
    int rel = u16(buf, vtable + entry, where);
    return rel == 0 ? 0 : pos + rel;
  }

  boolean has(int slot) {
    return field(slot) != 0;
  }

  int getInt(int slot, int def) {
    int p = field(slot);
    return p == 0 ? def : i32(buf, p, where(slot));
  }

  short getShort(int slot, short def) {
    int p = field(slot);
    return p == 0 ? def : (short) u16(buf, p, where(slot));
  }

  int getUbyte(int slot, int def) {
    int p = field(slot);
    if (p == 0) {
      return def;
    }
    check(p, 1, where(slot));
    return buf[p] & 0xFF;
  }

  boolean getBool(int slot, boolean def) {
    return getUbyte(slot, def ? 1 : 0) != 0;
  }

  long getLong(int slot, long def) {
    int p = field(slot);
    if (p == 0) {
      return def;
    }
    check(p, 8, where(slot));
    long lo = i32(buf, p, where) & 0xFFFFFFFFL;
    long hi = i32(buf, p + 4, where) & 0xFFFFFFFFL;
    return lo | (hi << 32);
  }

  float getFloat(int slot, float def) {
    int p = field(slot);
    return p == 0 ? def : Float.intBitsToFloat(i32(buf, p, where(slot)));
  }

  private long target(int slot) {
    int p = field(slot);
    if (p == 0) {
      return -1;
    }
    long t = p + u32(buf, p, where(slot));
    if (t + 4 > buf.length) {
      throw fail(where(slot), "offset points outside the buffer");
    }
    return t;
  }

  /** A sub-table, or null when absent. */
  FlatTable getTable(int slot, String name) {
    long t = target(slot);
    return t < 0 ? null : at(buf, t, where + "." + name);
  }

  /** A string field; empty when absent. */
  String getString(int slot) {
    byte[] b = getBytes(slot);
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /** A [ubyte] or string field, or null when absent. */
  byte[] getBytes(int slot) {
    long t = target(slot);
    if (t < 0) {
      return null;
    }
    int n = vectorLength(t, 1, where(slot));
    byte[] out = new byte[n];
    System.arraycopy(buf, (int) t + 4, out, 0, n);
    return out;
  }

  /** An [int] field; empty when absent. */
  int[] getInts(int slot) {
    long t = target(slot);
    if (t < 0) {
      return new int[0];
    }
    int n = vectorLength(t, 4, where(slot));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i32(buf, (int) t + 4 + 4 * i, where);
    }
    return out;
  }

  /** Number of entries of a vector of tables or strings (0 when absent). */
  int vectorSize(int slot) {
    long t = target(slot);
    return t < 0 ? 0 : vectorLength(t, 4, where(slot));
  }

  /** Element {@code i} of a vector of tables. */
  FlatTable getTableAt(int slot, int i, String name) {
    long t = target(slot);
    long e = t + 4 + 4L * i;
    return at(buf, e + u32(buf, (int) e, where(slot)), where + "." + name + "[" + i + "]");
  }

  /** Element {@code i} of a vector of strings (or byte vectors). */
  byte[] getBytesAt(int slot, int i) {
    long t = target(slot);
    long e = t + 4 + 4L * i;
    long s = e + u32(buf, (int) e, where(slot));
    if (s + 4 > buf.length) {
      throw fail(where(slot) + "[" + i + "]", "offset points outside the buffer");
    }
    int n = vectorLength(s, 1, where(slot) + "[" + i + "]");
    byte[] out = new byte[n];
    System.arraycopy(buf, (int) s + 4, out, 0, n);
    return out;
  }

  /** The raw bytes of a vector of structs of {@code elementSize} bytes each. */
  byte[] getStructBytes(int slot, int elementSize) {
    long t = target(slot);
    if (t < 0) {
      return new byte[0];
    }
    int n = vectorLength(t, elementSize, where(slot));
    byte[] out = new byte[n * elementSize];
    System.arraycopy(buf, (int) t + 4, out, 0, out.length);
    return out;
  }

  private int vectorLength(long t, int elementSize, String at) {
    long n = u32(buf, (int) t, at);
    if (t + 4 + n * elementSize > buf.length) {
      throw fail(at, "vector of " + n + " elements runs past the end of the buffer");
    }
    return (int) n;
  }

  private String where(int slot) {
    return where + " field " + slot;
  }

  private static void check(long p, int n, String where) {
    if (p < 0 || p + n > Integer.MAX_VALUE) {
      throw fail(where, "offset out of range");
    }
  }

  private static int u16(byte[] b, int p, String where) {
    if (p < 0 || p + 2 > b.length) {
      throw fail(where, "read at " + p + " is outside the buffer");
    }
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static int i32(byte[] b, int p, String where) {
    if (p < 0 || p + 4L > b.length) {
      throw fail(where, "read at " + p + " is outside the buffer");
    }
    return (b[p] & 0xFF)
        | (b[p + 1] & 0xFF) << 8
        | (b[p + 2] & 0xFF) << 16
        | (b[p + 3] & 0xFF) << 24;
  }

  private static long u32(byte[] b, int p, String where) {
    return i32(b, p, where) & 0xFFFFFFFFL;
  }

  static PackageFormatException fail(String where, String what) {
    return new PackageFormatException(where + ": " + what);
  }
}
