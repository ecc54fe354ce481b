package org.edgetpu4j.tflite;

/** Brings builtin option values to the canonical form {@link BuiltinOptions} stores. */
final class OptionValues {
  private OptionValues() {}

  /** The canonical form of {@code value} for field {@code f}; the default when it is null. */
  static Object canonical(String table, SchemaLayout.Field f, Object value) {
    String where = table + "." + f.name();
    return switch (f.kind()) {
      case SCALAR -> scalar(where, f, value);
      case STRING -> value == null ? "" : cast(where, value, String.class);
      case VECTOR_SCALAR -> vector(where, f, value);
      default ->
          throw new IllegalArgumentException(
              where + ": options fields of kind " + f.kind() + " are not supported");
    };
  }

  private static Object scalar(String where, SchemaLayout.Field f, Object value) {
    SchemaLayout.Scalar s = f.scalar();
    if (s == SchemaLayout.Scalar.BOOL) {
      if (value == null) {
        return f.defaultValue() != 0;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      return integer(where, value) != 0;
    }
    if (s.isFloating()) {
      double d = value == null ? f.defaultValue() : number(where, value).doubleValue();
      return s == SchemaLayout.Scalar.FLOAT ? (double) (float) d : d;
    }
    long v = value == null ? (long) f.defaultValue() : integer(where, value);
    checkRange(where, s, v);
    return v;
  }

  private static Object vector(String where, SchemaLayout.Field f, Object value) {
    if (f.scalar().isFloating()) {
      if (value == null) {
        return FloatArray.empty();
      }
      if (value instanceof float[] a) {
        return FloatArray.of(a);
      }
      return cast(where, value, FloatArray.class);
    }
    long[] longs;
    if (value == null) {
      longs = new long[0];
    } else if (value instanceof LongArray a) {
      longs = a.toArray();
    } else if (value instanceof long[] a) {
      longs = a;
    } else if (value instanceof IntArray a) {
      longs = widen(a.toArray());
    } else if (value instanceof int[] a) {
      longs = widen(a);
    } else if (value instanceof boolean[] a) {
      longs = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        longs[i] = a[i] ? 1 : 0;
      }
    } else {
      throw new IllegalArgumentException(
          where + ": expected an integer array, got " + value.getClass().getSimpleName());
    }
    for (long v : longs) {
      checkRange(where, f.scalar(), v);
    }
    return LongArray.of(longs);
  }

  private static long[] widen(int[] ints) {
    long[] longs = new long[ints.length];
    for (int i = 0; i < ints.length; i++) {
      longs[i] = ints[i];
    }
    return longs;
  }

  private static long integer(String where, Object value) {
    if (value instanceof Padding p) {
      return p.code();
    }
    if (value instanceof Activation a) {
      return a.code();
    }
    if (value instanceof TensorType t) {
      return t.code();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    Number n = number(where, value);
    if (n instanceof Double || n instanceof Float) {
      throw new IllegalArgumentException(where + ": expected an integer, got " + n);
    }
    return n.longValue();
  }

  private static Number number(String where, Object value) {
    return cast(where, value, Number.class);
  }

  private static void checkRange(String where, SchemaLayout.Scalar s, long v) {
    if (s.size() == 8 || s == SchemaLayout.Scalar.BOOL) {
      return;
    }
    long bits = 8L * s.size();
    long min = s.isSigned() ? -(1L << (bits - 1)) : 0;
    long max = s.isSigned() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          where
              + ": "
              + v
              + " does not fit a "
              + s.name().toLowerCase()
              + " ["
              + min
              + ", "
              + max
              + "]");
    }
  }

  private static <T> T cast(String where, Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          where
              + ": expected "
              + type.getSimpleName()
              + ", got "
              + value.getClass().getSimpleName());
    }
    return type.cast(value);
  }
}
