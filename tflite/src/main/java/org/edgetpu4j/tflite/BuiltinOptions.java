package org.edgetpu4j.tflite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The builtin options of an operator: the name of the options table (for example {@code
 * Conv2DOptions}) and the value of every field, by the field names of the TFLite schema ({@code
 * stride_w}, {@code fused_activation_function}, ...).
 *
 * <p>Values are held in one canonical form so that equality is by content: every field of the table
 * is present (absent ones take the schema default), booleans are {@link Boolean}, integers and enum
 * codes are {@link Long}, floats are {@link Double}, strings are {@link String}, integer vectors
 * are {@link LongArray} and float vectors {@link FloatArray}. The typed getters hide this.
 *
 * @param type the options table name, or {@code NONE}
 * @param values field values by field name
 */
public record BuiltinOptions(String type, Map<String, Object> values) {
  /** No options. */
  public static final BuiltinOptions NONE = new BuiltinOptions("NONE", Map.of());

  /** Checks the table and field names against the schema and brings values to canonical form. */
  public BuiltinOptions {
    Objects.requireNonNull(type, "type");
    values = type.equals("NONE") ? Map.of() : canonical(type, values);
  }

  /** Options of table {@code type} with fields given as name/value pairs; others take defaults. */
  public static BuiltinOptions of(String type, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new BuiltinOptions(type, map);
  }

  /** True when there are no options. */
  public boolean isNone() {
    return type.equals("NONE");
  }

  /**
   * An integer or enum field as an int.
   *
   * @throws IllegalArgumentException when the table has no such field or its value does not fit
   */
  public int getInt(String field) {
    long v = getLong(field);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          type + "." + field + " = " + v + " is out of range, expected a 32-bit value");
    }
    return (int) v;
  }

  /** An integer or enum field. */
  public long getLong(String field) {
    return (Long) value(field, Long.class);
  }

  /** A float field. */
  public float getFloat(String field) {
    return ((Double) value(field, Double.class)).floatValue();
  }

  /** A boolean field. */
  public boolean getBool(String field) {
    return (Boolean) value(field, Boolean.class);
  }

  /** A string field. */
  public String getString(String field) {
    return (String) value(field, String.class);
  }

  /** An integer vector field. */
  public long[] getLongs(String field) {
    return ((LongArray) value(field, LongArray.class)).toArray();
  }

  /** An integer vector field as ints. */
  public int[] getInts(String field) {
    long[] longs = getLongs(field);
    int[] ints = new int[longs.length];
    for (int i = 0; i < longs.length; i++) {
      ints[i] = Math.toIntExact(longs[i]);
    }
    return ints;
  }

  /** A float vector field. */
  public float[] getFloats(String field) {
    return ((FloatArray) value(field, FloatArray.class)).toArray();
  }

  /** The {@code padding} field. */
  public Padding padding() {
    return Padding.fromCode(getLong("padding"));
  }

  /** The {@code fused_activation_function} field. */
  public Activation fusedActivation() {
    return Activation.fromCode(getLong("fused_activation_function"));
  }

  /** True when the table has a field called {@code field}. */
  public boolean has(String field) {
    return values.containsKey(field);
  }

  /**
   * The fields with enum codes replaced by their schema names ({@code padding=SAME}), for display.
   */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (isNone()) {
      return out;
    }
    SchemaLayout schema = SchemaLayout.tflite();
    for (SchemaLayout.Field f : schema.table(type).fields()) {
      Object v = values.get(f.name());
      if (v == null) {
        continue;
      }
      if (f.kind() == SchemaLayout.Kind.SCALAR && f.typeName() != null) {
        String name = schema.enumType(f.typeName()).map(e -> e.names().get((Long) v)).orElse(null);
        out.put(f.name(), name != null ? name : v);
      } else {
        out.put(f.name(), v);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return isNone() ? "NONE" : type + describe();
  }

  private Object value(String field, Class<?> expected) {
    Object v = values.get(field);
    if (v == null) {
      throw new IllegalArgumentException(type + " has no field '" + field + "'");
    }
    if (!expected.isInstance(v)) {
      throw new IllegalArgumentException(
          type
              + "."
              + field
              + " is a "
              + v.getClass().getSimpleName()
              + ", not a "
              + expected.getSimpleName());
    }
    return v;
  }

  private static Map<String, Object> canonical(String type, Map<String, Object> given) {
    SchemaLayout schema = SchemaLayout.tflite();
    if (!isOptionsTable(schema, type)) {
      throw new IllegalArgumentException(
          "'" + type + "' is not an options table of BuiltinOptions or BuiltinOptions2");
    }
    SchemaLayout.Table table = schema.table(type);
    for (String name : given.keySet()) {
      if (table.field(name).filter(f -> !f.deprecated()).isEmpty()) {
        throw new IllegalArgumentException(
            type
                + " has no field '"
                + name
                + "'; its fields are "
                + table.fields().stream().filter(f -> !f.deprecated()).map(f -> f.name()).toList());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (SchemaLayout.Field f : table.fields()) {
      if (!f.deprecated()) {
        out.put(f.name(), OptionValues.canonical(type, f, given.get(f.name())));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** True when {@code type} is a member of one of the two builtin options unions. */
  static boolean isOptionsTable(SchemaLayout schema, String type) {
    return schema.union("BuiltinOptions").typeOf(type) > 0
        || schema.union("BuiltinOptions2").typeOf(type) > 0;
  }
}
