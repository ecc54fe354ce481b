package org.edgetpu4j.tflite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parser for the subset of the FlatBuffers schema language that {@code tflite.fbs} uses. */
final class SchemaParser {
  private static final Map<String, SchemaLayout.Scalar> SCALARS = new HashMap<>();

  static {
    String[][] aliases = {
      {"bool", "BOOL"},
      {"byte", "BYTE"},
      {"int8", "BYTE"},
      {"ubyte", "UBYTE"},
      {"uint8", "UBYTE"},
      {"short", "SHORT"},
      {"int16", "SHORT"},
      {"ushort", "USHORT"},
      {"uint16", "USHORT"},
      {"int", "INT"},
      {"int32", "INT"},
      {"uint", "UINT"},
      {"uint32", "UINT"},
      {"long", "LONG"},
      {"int64", "LONG"},
      {"ulong", "ULONG"},
      {"uint64", "ULONG"},
      {"float", "FLOAT"},
      {"float32", "FLOAT"},
      {"double", "DOUBLE"},
      {"float64", "DOUBLE"},
    };
    for (String[] a : aliases) {
      SCALARS.put(a[0], SchemaLayout.Scalar.valueOf(a[1]));
    }
  }

  /** A field as written, resolved once every type name is known. */
  private record RawField(
      String name, String type, boolean vector, String def, boolean deprecated) {}

  private final List<String> tokens = new ArrayList<>();
  private int pos;

  SchemaParser(String text) {
    tokenize(text);
  }

  SchemaLayout parse() {
    Map<String, List<RawField>> rawTables = new LinkedHashMap<>();
    Map<String, SchemaLayout.EnumType> enums = new HashMap<>();
    Map<String, SchemaLayout.Union> unions = new HashMap<>();
    String root = null;
    String identifier = null;
    while (pos < tokens.size()) {
      String word = next();
      switch (word) {
        case "namespace", "file_extension", "include", "attribute" -> skipTo(";");
        case "file_identifier" -> {
          identifier = unquote(next());
          expect(";");
        }
        case "root_type" -> {
          root = next();
          expect(";");
        }
        case "enum" -> {
          SchemaLayout.EnumType e = parseEnum();
          enums.put(e.name(), e);
        }
        case "union" -> {
          SchemaLayout.Union u = parseUnion();
          unions.put(u.name(), u);
        }
        case "table" -> {
          String name = next();
          skipAttributes();
          rawTables.put(name, parseFields());
        }
        default -> throw error("unexpected '" + word + "'");
      }
    }
    Map<String, SchemaLayout.Table> tables = new HashMap<>();
    for (Map.Entry<String, List<RawField>> t : rawTables.entrySet()) {
      tables.put(t.getKey(), resolve(t.getKey(), t.getValue(), rawTables, enums, unions));
    }
    if (root == null || !tables.containsKey(root)) {
      throw error("root_type missing or not a table");
    }
    return new SchemaLayout(tables, enums, unions, root, identifier);
  }

  private SchemaLayout.EnumType parseEnum() {
    String name = next();
    expect(":");
    SchemaLayout.Scalar scalar = scalar(next());
    skipAttributes();
    expect("{");
    Map<Long, String> names = new LinkedHashMap<>();
    long value = 0;
    while (!peek("}")) {
      String valueName = next();
      if (peek("=")) {
        next();
        value = Long.parseLong(next());
      }
      names.put(value, valueName);
      value++;
      if (peek(",")) {
        next();
      }
    }
    expect("}");
    return new SchemaLayout.EnumType(name, scalar, Collections.unmodifiableMap(names));
  }

  private SchemaLayout.Union parseUnion() {
    String name = next();
    expect("{");
    List<String> members = new ArrayList<>();
    while (!peek("}")) {
      members.add(next());
      skipAttributes();
      if (peek(",")) {
        next();
      }
    }
    expect("}");
    return new SchemaLayout.Union(name, List.copyOf(members));
  }

  private List<RawField> parseFields() {
    expect("{");
    List<RawField> fields = new ArrayList<>();
    while (!peek("}")) {
      String fieldName = next();
      expect(":");
      boolean vector = peek("[");
      if (vector) {
        next();
      }
      String type = next();
      if (vector) {
        expect("]");
      }
      String def = null;
      if (peek("=")) {
        next();
        def = next();
      }
      boolean deprecated = skipAttributes().contains("deprecated");
      expect(";");
      fields.add(new RawField(fieldName, type, vector, def, deprecated));
    }
    expect("}");
    return fields;
  }

  private SchemaLayout.Table resolve(
      String table,
      List<RawField> raw,
      Map<String, List<RawField>> tables,
      Map<String, SchemaLayout.EnumType> enums,
      Map<String, SchemaLayout.Union> unions) {
    List<SchemaLayout.Field> fields = new ArrayList<>();
    int slot = 0;
    for (RawField f : raw) {
      SchemaLayout.Kind kind;
      SchemaLayout.Scalar scalar = null;
      String typeName = null;
      double def = 0;
      if (f.type().equals("string")) {
        kind = f.vector() ? SchemaLayout.Kind.VECTOR_STRING : SchemaLayout.Kind.STRING;
      } else if (SCALARS.containsKey(f.type()) || enums.containsKey(f.type())) {
        SchemaLayout.EnumType e = enums.get(f.type());
        scalar = e != null ? e.scalar() : SCALARS.get(f.type());
        typeName = e != null ? e.name() : null;
        kind = f.vector() ? SchemaLayout.Kind.VECTOR_SCALAR : SchemaLayout.Kind.SCALAR;
        def = f.def() == null ? 0 : defaultValue(table, f, e);
      } else if (tables.containsKey(f.type())) {
        typeName = f.type();
        kind = f.vector() ? SchemaLayout.Kind.VECTOR_TABLE : SchemaLayout.Kind.TABLE;
      } else if (unions.containsKey(f.type()) && !f.vector()) {
        typeName = f.type();
        kind = SchemaLayout.Kind.UNION;
        scalar = SchemaLayout.Scalar.UBYTE;
      } else {
        throw error("table " + table + " field " + f.name() + ": unknown type " + f.type());
      }
      fields.add(
          new SchemaLayout.Field(f.name(), slot, kind, scalar, typeName, def, f.deprecated()));
      slot += kind == SchemaLayout.Kind.UNION ? 2 : 1;
    }
    return new SchemaLayout.Table(table, List.copyOf(fields));
  }

  private double defaultValue(String table, RawField f, SchemaLayout.EnumType e) {
    String d = f.def();
    if (d.equals("true")) {
      return 1;
    }
    if (d.equals("false")) {
      return 0;
    }
    if (e != null && !Character.isDigit(d.charAt(0)) && d.charAt(0) != '-') {
      return e.valueOf(d)
          .orElseThrow(() -> error("table " + table + " field " + f.name() + ": bad default " + d));
    }
    return Double.parseDouble(d);
  }

  private SchemaLayout.Scalar scalar(String type) {
    SchemaLayout.Scalar s = SCALARS.get(type);
    if (s == null) {
      throw error("'" + type + "' is not a scalar type");
    }
    return s;
  }

  private List<String> skipAttributes() {
    List<String> words = new ArrayList<>();
    if (peek("(")) {
      next();
      while (!peek(")")) {
        words.add(next());
      }
      next();
    }
    return words;
  }

  private void tokenize(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("//", i)) {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("schema: unterminated string");
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
        int start = i;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i)) || "_-.".indexOf(text.charAt(i)) >= 0)) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw error("unexpected end of schema");
    }
    return tokens.get(pos++);
  }

  private boolean peek(String token) {
    return pos < tokens.size() && tokens.get(pos).equals(token);
  }

  private void expect(String token) {
    String got = next();
    if (!got.equals(token)) {
      throw error("expected '" + token + "' but found '" + got + "'");
    }
  }

  private void skipTo(String token) {
    while (!next().equals(token)) {
      // skip
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("schema: " + message + " (token " + pos + ")");
  }
}
