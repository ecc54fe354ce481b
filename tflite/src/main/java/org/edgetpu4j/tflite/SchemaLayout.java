package org.edgetpu4j.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TFLite schema ({@code tflite.fbs}) as data: every table with its field slots and types, every
 * enum and union. The reader's verifier and the builtin-options codec are driven by it, so that the
 * one schema file decides what a valid model looks like.
 */
public final class SchemaLayout {
  /** Where a field's value lives and what it is. */
  public enum Kind {
    /** A scalar or enum stored inline in the table. */
    SCALAR,
    /** An offset to a string. */
    STRING,
    /** An offset to a table. */
    TABLE,
    /** A union: a type byte in slot {@code slot}, an offset to a table in {@code slot + 1}. */
    UNION,
    /** An offset to a vector of scalars or enums. */
    VECTOR_SCALAR,
    /** An offset to a vector of strings. */
    VECTOR_STRING,
    /** An offset to a vector of tables. */
    VECTOR_TABLE
  }

  /** Scalar storage types of the FlatBuffers language. */
  public enum Scalar {
    BOOL(1, false, false),
    BYTE(1, true, false),
    UBYTE(1, false, false),
    SHORT(2, true, false),
    USHORT(2, false, false),
    INT(4, true, false),
    UINT(4, false, false),
    LONG(8, true, false),
    ULONG(8, false, false),
    FLOAT(4, true, true),
    DOUBLE(8, true, true);

    private final int size;
    private final boolean signed;
    private final boolean floating;

    Scalar(int size, boolean signed, boolean floating) {
      this.size = size;
      this.signed = signed;
      this.floating = floating;
    }

    /** Bytes taken. */
    public int size() {
      return size;
    }

    /** True for float and double. */
    public boolean isFloating() {
      return floating;
    }

    /** True for signed integer types and floating types. */
    public boolean isSigned() {
      return signed;
    }
  }

  /**
   * A table field.
   *
   * @param name field name as written in the schema
   * @param slot vtable slot (a union takes two: type, then value)
   * @param kind how the value is stored
   * @param scalar storage type for scalar kinds, and element type of scalar vectors
   * @param typeName the named type (table, union or enum), or null for plain scalars and strings
   * @param defaultValue the default of a scalar, as a double (exact for every default used)
   * @param deprecated true when the schema marks the field deprecated
   */
  public record Field(
      String name,
      int slot,
      Kind kind,
      Scalar scalar,
      String typeName,
      double defaultValue,
      boolean deprecated) {}

  /**
   * A table and its fields in slot order.
   *
   * @param name table name
   * @param fields fields in declaration (slot) order
   */
  public record Table(String name, List<Field> fields) {
    /** The field called {@code fieldName}, if there is one. */
    public Optional<Field> field(String fieldName) {
      return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Number of vtable slots the table uses. */
    public int slotCount() {
      if (fields.isEmpty()) {
        return 0;
      }
      Field last = fields.get(fields.size() - 1);
      return last.slot() + (last.kind() == Kind.UNION ? 2 : 1);
    }
  }

  /**
   * An enum: its storage type and value names by value.
   *
   * @param name enum name
   * @param scalar storage type
   * @param names value name by value
   */
  public record EnumType(String name, Scalar scalar, Map<Long, String> names) {
    /** The value named {@code valueName}, if there is one. */
    public Optional<Long> valueOf(String valueName) {
      return names.entrySet().stream()
          .filter(e -> e.getValue().equals(valueName))
          .map(Map.Entry::getKey)
          .findFirst();
    }
  }

  /**
   * A union: member {@code i} of {@code members} has union type {@code i + 1}.
   *
   * @param name union name
   * @param members table names in type order
   */
  public record Union(String name, List<String> members) {
    /** The table for union type {@code type}, if the type is in range (type 0 means none). */
    public Optional<String> member(int type) {
      return type >= 1 && type <= members.size()
          ? Optional.of(members.get(type - 1))
          : Optional.empty();
    }

    /** The union type of table {@code table}, or -1 if it is not a member. */
    public int typeOf(String table) {
      int i = members.indexOf(table);
      return i < 0 ? -1 : i + 1;
    }
  }

  private static final String RESOURCE = "/org/edgetpu4j/tflite/tflite.fbs";
  private static final SchemaLayout TFLITE = load();

  private final Map<String, Table> tables;
  private final Map<String, EnumType> enums;
  private final Map<String, Union> unions;
  private final String rootType;
  private final String fileIdentifier;

  SchemaLayout(
      Map<String, Table> tables,
      Map<String, EnumType> enums,
      Map<String, Union> unions,
      String rootType,
      String fileIdentifier) {
    this.tables = Map.copyOf(tables);
    this.enums = Map.copyOf(enums);
    this.unions = Map.copyOf(unions);
    this.rootType = rootType;
    this.fileIdentifier = fileIdentifier;
  }

  /** The TFLite schema this library was built with. */
  public static SchemaLayout tflite() {
    return TFLITE;
  }

  /** Parses schema text in the subset of the FlatBuffers language that {@code tflite.fbs} uses. */
  public static SchemaLayout parse(String text) {
    return new SchemaParser(text).parse();
  }

  private static SchemaLayout load() {
    try (InputStream in = SchemaLayout.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + RESOURCE, e);
    }
  }

  /** The table called {@code name}; throws if there is none. */
  public Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("schema has no table '" + name + "'");
    }
    return t;
  }

  /** True when a table called {@code name} exists. */
  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  /** The enum called {@code name}, if there is one. */
  public Optional<EnumType> enumType(String name) {
    return Optional.ofNullable(enums.get(name));
  }

  /** The union called {@code name}; throws if there is none. */
  public Union union(String name) {
    Union u = unions.get(name);
    if (u == null) {
      throw new IllegalArgumentException("schema has no union '" + name + "'");
    }
    return u;
  }

  /** The root table's name. */
  public String rootType() {
    return rootType;
  }

  /** The four-character file identifier. */
  public String fileIdentifier() {
    return fileIdentifier;
  }

  /** All table names, in no particular order. */
  public List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }
}
