package org.edgetpu4j.tflite.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.SchemaLayout;
import org.edgetpu4j.tflite.SchemaLayout.Field;
import org.edgetpu4j.tflite.SchemaLayout.Kind;

/**
 * Checks that a buffer is a well-formed FlatBuffer of the TFLite schema before anything reads it:
 * every offset, vtable, string and vector lies inside the buffer, every union type is known, and
 * the total work and bytes reachable are bounded by the buffer's size, so that shared subtables
 * cannot make decoding explode. Driven by {@link SchemaLayout}, so it covers every table of the
 * schema.
 */
final class FlatVerifier {
  private static final int MAX_DEPTH = 64;

  private final ByteBuffer bb;
  private final long length;
  private final SchemaLayout schema;
  private final List<String> path = new ArrayList<>();
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long workLeft;
  private long bytesLeft;

  private FlatVerifier(ByteBuffer bb, SchemaLayout schema) {
    this.bb = bb.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    this.length = bb.limit();
    this.schema = schema;
    this.workLeft = length + 1024;
    this.bytesLeft = 2 * length + 4096;
  }

  /** Verifies {@code bb} (positioned at 0) as a buffer whose root is the schema's root table. */
  static void verify(ByteBuffer bb, SchemaLayout schema) throws ModelFormatException {
    try {
      new FlatVerifier(bb, schema).run();
    } catch (Failure f) {
      throw new ModelFormatException(f.getMessage());
    }
  }

  private void run() {
    if (length < 8) {
      throw fail(
          "file is "
              + length
              + " bytes; a TFLite model has at least 8 (root offset and file identifier)");
    }
    String id =
        new String(
            new byte[] {bb.get(4), bb.get(5), bb.get(6), bb.get(7)}, StandardCharsets.ISO_8859_1);
    if (!id.equals(schema.fileIdentifier())) {
      throw fail(
          "bytes 4..7 are '"
              + printable(id)
              + "', expected the file identifier '"
              + schema.fileIdentifier()
              + "'");
    }
    path.add(schema.rootType());
    verifyTable(target(0, "root offset"), schema.table(schema.rootType()), 0);
  }

  private void verifyTable(long pos, SchemaLayout.Table table, int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("tables nested deeper than " + MAX_DEPTH);
    }
    spendWork(1);
    need(pos, 4, "table " + table.name());
    long vtable = pos - bb.getInt((int) pos);
    need(vtable, 4, "vtable of table " + table.name());
    int vtableSize = u16(vtable);
    int tableSize = u16(vtable + 2);
    if (vtableSize < 4 || vtableSize % 2 != 0) {
      throw fail(
          "vtable of table "
              + table.name()
              + " at byte "
              + vtable
              + " has size "
              + vtableSize
              + "; expected an even size of at least 4");
    }
    need(vtable, vtableSize, "vtable of table " + table.name());
    if (tableSize < 4) {
      throw fail(
          "table "
              + table.name()
              + " at byte "
              + pos
              + " claims size "
              + tableSize
              + "; expected at least 4");
    }
    need(pos, tableSize, "table " + table.name());
    for (Field f : table.fields()) {
      int voffset = slotOffset(vtable, vtableSize, f.slot());
      if (f.kind() == Kind.UNION) {
        verifyUnion(pos, vtable, vtableSize, tableSize, f, voffset, depth);
        continue;
      }
      if (voffset == 0) {
        continue;
      }
      int inline = f.kind() == Kind.SCALAR ? f.scalar().size() : 4;
      if (voffset + inline > tableSize) {
        throw fail(
            "field '"
                + f.name()
                + "' of table "
                + table.name()
                + " at byte "
                + pos
                + " lies outside the table's "
                + tableSize
                + " bytes");
      }
      long at = pos + voffset;
      path.add(f.name());
      switch (f.kind()) {
        case SCALAR -> {}
        case STRING -> verifyString(target(at, f.name()));
        case TABLE -> verifyTable(target(at, f.name()), schema.table(f.typeName()), depth + 1);
        case VECTOR_SCALAR -> verifyVector(target(at, f.name()), f.scalar().size(), true);
        case VECTOR_STRING -> {
          long v = target(at, f.name());
          long n = verifyVector(v, 4, false);
          for (int i = 0; i < n; i++) {
            path.add("[" + i + "]");
            verifyString(target(v + 4 + 4L * i, f.name() + "[" + i + "]"));
            path.remove(path.size() - 1);
          }
        }
        case VECTOR_TABLE -> {
          long v = target(at, f.name());
          long n = verifyVector(v, 4, false);
          SchemaLayout.Table element = schema.table(f.typeName());
          for (int i = 0; i < n; i++) {
            path.add("[" + i + "]");
            verifyTable(target(v + 4 + 4L * i, f.name() + "[" + i + "]"), element, depth + 1);
            path.remove(path.size() - 1);
          }
        }
        default -> throw new IllegalStateException(f.kind().toString());
      }
      path.remove(path.size() - 1);
    }
  }

  private void verifyUnion(
      long pos, long vtable, int vtableSize, int tableSize, Field f, int typeOffset, int depth) {
    int valueOffset = slotOffset(vtable, vtableSize, f.slot() + 1);
    if (typeOffset != 0 && typeOffset + 1 > tableSize) {
      throw fail("union type of '" + f.name() + "' lies outside its table");
    }
    int type = typeOffset == 0 ? 0 : bb.get((int) (pos + typeOffset)) & 0xFF;
    if (type == 0) {
      return;
    }
    SchemaLayout.Union union = schema.union(f.typeName());
    String member =
        union
            .member(type)
            .orElseThrow(
                () ->
                    fail(
                        "field '"
                            + f.name()
                            + "' has union type "
                            + type
                            + "; "
                            + union.name()
                            + " only has types 1.."
                            + union.members().size()));
    if (valueOffset == 0) {
      return; // a type without a value reads as a table with every field at its default
    }
    if (valueOffset + 4 > tableSize) {
      throw fail("union value of '" + f.name() + "' lies outside its table");
    }
    path.add(f.name() + "<" + member + ">");
    verifyTable(target(pos + valueOffset, f.name()), schema.table(member), depth + 1);
    path.remove(path.size() - 1);
  }

  /** Verifies a vector's length prefix and extent; returns its element count. */
  private long verifyVector(long pos, int elementSize, boolean countBytes) {
    need(pos, 4, "vector length");
    long n = u32(pos);
    long bytes = n * elementSize;
    if (bytes > length - pos - 4) {
      throw fail(
          "vector at byte "
              + pos
              + " claims "
              + n
              + " elements of "
              + elementSize
              + " bytes, but only "
              + (length - pos - 4)
              + " bytes follow in the "
              + length
              + "-byte file");
    }
    if (countBytes) {
      spendBytes(bytes);
    } else {
      spendWork(n);
    }
    return n;
  }

  private void verifyString(long pos) {
    need(pos, 4, "string length");
    long n = u32(pos);
    if (n + 1 > length - pos - 4) {
      throw fail(
          "string at byte "
              + pos
              + " claims "
              + n
              + " bytes, which with its terminator"
              + " run past the end of the "
              + length
              + "-byte file");
    }
    if (bb.get((int) (pos + 4 + n)) != 0) {
      throw fail("string at byte " + pos + " is not NUL-terminated");
    }
    spendBytes(n);
    ByteBuffer text = bb.duplicate();
    text.limit((int) (pos + 4 + n)).position((int) (pos + 4));
    try {
      utf8.reset().decode(text);
    } catch (CharacterCodingException e) {
      throw fail("string at byte " + pos + " is not valid UTF-8");
    }
  }

  /** Follows the unsigned offset stored at {@code at}; the target must lie inside the buffer. */
  private long target(long at, String what) {
    need(at, 4, what + " offset");
    long offset = u32(at);
    if (offset == 0 || offset > Integer.MAX_VALUE) {
      throw fail(
          what
              + ": offset "
              + offset
              + " at byte "
              + at
              + " is not a forward offset (expected 1.."
              + Integer.MAX_VALUE
              + ")");
    }
    long t = at + offset;
    if (t + 4 > length) {
      throw fail(
          what
              + ": offset at byte "
              + at
              + " points to byte "
              + t
              + ", past the end of the "
              + length
              + "-byte file");
    }
    return t;
  }

  private int slotOffset(long vtable, int vtableSize, int slot) {
    int entry = 4 + 2 * slot;
    return entry + 2 <= vtableSize ? u16(vtable + entry) : 0;
  }

  private void need(long pos, long size, String what) {
    if (pos < 0 || pos + size > length) {
      throw fail(
          what
              + " at byte "
              + pos
              + " ("
              + size
              + " bytes) lies outside the "
              + length
              + "-byte file");
    }
  }

  private void spendWork(long units) {
    workLeft -= units;
    if (workLeft < 0) {
      throw fail(
          "the file references more tables and vector entries than its "
              + length
              + " bytes can hold (shared subtables?)");
    }
  }

  private void spendBytes(long bytes) {
    bytesLeft -= bytes;
    if (bytesLeft < 0) {
      throw fail(
          "the file's vectors and strings add up to more than twice its "
              + length
              + " bytes (shared data?)");
    }
  }

  private int u16(long pos) {
    return bb.getShort((int) pos) & 0xFFFF;
  }

  private long u32(long pos) {
    return bb.getInt((int) pos) & 0xFFFFFFFFL;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return b.toString();
  }

  private Failure fail(String message) {
    String where = String.join(".", path).replace(".[", "[");
    return new Failure("flatbuffer" + (where.isEmpty() ? "" : " " + where) + ": " + message);
  }

  /** Internal carrier, turned into a {@link ModelFormatException} at the entry point. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }
}
