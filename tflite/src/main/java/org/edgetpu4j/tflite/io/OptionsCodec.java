package org.edgetpu4j.tflite.io;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.SchemaLayout;
import org.edgetpu4j.tflite.SchemaLayout.Field;
import org.edgetpu4j.tflite.SchemaLayout.Scalar;

/**
 * Reads and writes builtin options tables generically from {@link SchemaLayout}, so every options
 * table of the schema round-trips without a hand-written case per operator.
 */
final class OptionsCodec {
  private static final SchemaLayout SCHEMA = SchemaLayout.tflite();

  private OptionsCodec() {}

  /** A table handle whose position the codec can read. */
  static final class RawTable extends Table {
    int position() {
      return bb_pos;
    }
  }

  /**
   * Decodes the options of union {@code unionName} with type {@code type}; {@code table} is null
   * when the file names a type but stores no table (every field then takes its default).
   */
  static BuiltinOptions decode(String unionName, int type, RawTable table, ByteBuffer bb) {
    if (type == 0) {
      return BuiltinOptions.NONE;
    }
    String name = SCHEMA.union(unionName).member(type).orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    if (table != null) {
      int pos = table.position();
      int vtable = pos - bb.getInt(pos);
      int vtableSize = bb.getShort(vtable) & 0xFFFF;
      for (Field f : SCHEMA.table(name).fields()) {
        int entry = 4 + 2 * f.slot();
        int voffset = entry + 2 <= vtableSize ? bb.getShort(vtable + entry) & 0xFFFF : 0;
        if (voffset != 0 && !f.deprecated()) {
          values.put(f.name(), read(bb, pos + voffset, f));
        }
      }
    }
    return new BuiltinOptions(name, values);
  }

  private static Object read(ByteBuffer bb, int at, Field f) {
    switch (f.kind()) {
      case SCALAR:
        return readScalar(bb, at, f.scalar());
      case STRING:
        {
          int s = at + bb.getInt(at);
          byte[] bytes = new byte[bb.getInt(s)];
          bb.duplicate().position(s + 4).get(bytes);
          return new String(bytes, StandardCharsets.UTF_8);
        }
      case VECTOR_SCALAR:
        {
          int v = at + bb.getInt(at);
          int n = bb.getInt(v);
          int size = f.scalar().size();
          if (f.scalar().isFloating()) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
              out[i] = ((Number) readScalar(bb, v + 4 + size * i, f.scalar())).floatValue();
            }
            return FloatArray.of(out);
          }
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            Object x = readScalar(bb, v + 4 + size * i, f.scalar());
            out[i] = x instanceof Boolean b ? (b ? 1 : 0) : (Long) x;
          }
          return LongArray.of(out);
        }
      default:
        throw new IllegalStateException("options field kind " + f.kind() + " in " + f.name());
    }
  }

  private static Object readScalar(ByteBuffer bb, int at, Scalar s) {
    return switch (s) {
      case BOOL -> bb.get(at) != 0;
      case BYTE -> (long) bb.get(at);
      case UBYTE -> (long) (bb.get(at) & 0xFF);
      case SHORT -> (long) bb.getShort(at);
      case USHORT -> (long) (bb.getShort(at) & 0xFFFF);
      case INT -> (long) bb.getInt(at);
      case UINT -> bb.getInt(at) & 0xFFFFFFFFL;
      case LONG, ULONG -> bb.getLong(at);
      case FLOAT -> (double) bb.getFloat(at);
      case DOUBLE -> bb.getDouble(at);
    };
  }

  /**
   * Writes {@code options} as a table and returns its offset; 0 for {@link BuiltinOptions#NONE}.
   */
  static int encode(FlatBufferBuilder b, BuiltinOptions options) {
    if (options.isNone()) {
      return 0;
    }
    SchemaLayout.Table table = SCHEMA.table(options.type());
    Map<String, Object> values = options.values();
    int[] offsets = new int[table.slotCount()];
    for (Field f : table.fields()) {
      Object v = values.get(f.name());
      if (v == null) {
        continue;
      }
      switch (f.kind()) {
        case STRING -> {
          if (!((String) v).isEmpty()) {
            offsets[f.slot()] = b.createString((String) v);
          }
        }
        case VECTOR_SCALAR -> offsets[f.slot()] = vector(b, f.scalar(), v);
        default -> {}
      }
    }
    b.startTable(table.slotCount());
    for (Field f : table.fields()) {
      Object v = values.get(f.name());
      if (v == null) {
        continue;
      }
      if (f.kind() == SchemaLayout.Kind.SCALAR) {
        addScalar(b, f, v);
      } else if (offsets[f.slot()] != 0) {
        b.addOffset(f.slot(), offsets[f.slot()], 0);
      }
    }
    return b.endTable();
  }

  private static int vector(FlatBufferBuilder b, Scalar s, Object v) {
    if (v instanceof FloatArray fa) {
      b.startVector(s.size(), fa.length(), s.size());
      for (int i = fa.length() - 1; i >= 0; i--) {
        if (s == Scalar.DOUBLE) {
          b.addDouble(fa.get(i));
        } else {
          b.addFloat(fa.get(i));
        }
      }
      return b.endVector();
    }
    LongArray la = (LongArray) v;
    b.startVector(s.size(), la.length(), s.size());
    for (int i = la.length() - 1; i >= 0; i--) {
      long x = la.get(i);
      switch (s.size()) {
        case 1 -> b.addByte((byte) x);
        case 2 -> b.addShort((short) x);
        case 4 -> b.addInt((int) x);
        default -> b.addLong(x);
      }
    }
    return b.endVector();
  }

  private static void addScalar(FlatBufferBuilder b, Field f, Object v) {
    int slot = f.slot();
    double def = f.defaultValue();
    switch (f.scalar()) {
      case BOOL -> b.addBoolean(slot, (Boolean) v, def != 0);
      case BYTE, UBYTE -> b.addByte(slot, (byte) (long) (Long) v, (byte) (long) def);
      case SHORT, USHORT -> b.addShort(slot, (short) (long) (Long) v, (short) (long) def);
      case INT, UINT -> b.addInt(slot, (int) (long) (Long) v, (int) (long) def);
      case LONG, ULONG -> b.addLong(slot, (Long) v, (long) def);
      case FLOAT -> b.addFloat(slot, (float) (double) (Double) v, def);
      case DOUBLE -> b.addDouble(slot, (Double) v, def);
    }
  }
}
