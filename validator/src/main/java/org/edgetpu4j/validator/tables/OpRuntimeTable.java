package org.edgetpu4j.validator.tables;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgetpu4j.tflite.BuiltinOp;

/**
 * The oldest TFLite runtime that can run each (builtin operator, version), from {@code
 * op_min_runtime.csv}. Versions the table does not know are newer than {@link #newestKnown()}.
 */
public final class OpRuntimeTable {
  private static final OpRuntimeTable INSTANCE = load();

  private final Map<BuiltinOp, RuntimeVersion[]> rows;
  private final RuntimeVersion newestKnown;

  private OpRuntimeTable(Map<BuiltinOp, RuntimeVersion[]> rows, RuntimeVersion newestKnown) {
    this.rows = rows;
    this.newestKnown = newestKnown;
  }

  /** The table shipped with this library. */
  public static OpRuntimeTable get() {
    return INSTANCE;
  }

  /** The newest runtime release the table was taken from. */
  public RuntimeVersion newestKnown() {
    return newestKnown;
  }

  /** True when the operator has a row. */
  public boolean hasRow(BuiltinOp op) {
    return rows.containsKey(op);
  }

  /** The number of versions with a row for {@code op} (0 when it has none). */
  public int knownVersions(BuiltinOp op) {
    RuntimeVersion[] r = rows.get(op);
    return r == null ? 0 : r.length;
  }

  /**
   * The oldest runtime that runs {@code op} at {@code version}; empty when the table has no row for
   * it (an operator or version newer than {@link #newestKnown()}, or one never released).
   */
  public Optional<RuntimeVersion> minRuntime(BuiltinOp op, int version) {
    RuntimeVersion[] r = rows.get(op);
    if (r == null || version < 1 || version > r.length) {
      return Optional.empty();
    }
    return Optional.ofNullable(r[version - 1]);
  }

  private static OpRuntimeTable load() {
    List<String[]> lines = Csv.read("op_min_runtime.csv");
    Map<BuiltinOp, RuntimeVersion[]> rows = new EnumMap<>(BuiltinOp.class);
    RuntimeVersion newest = null;
    for (String[] cells : lines) {
      if (cells[0].equals("newest_known")) {
        newest = RuntimeVersion.parse(cells[1]);
        continue;
      }
      BuiltinOp op = BuiltinOp.valueOf(cells[0]);
      RuntimeVersion[] versions = new RuntimeVersion[cells.length - 1];
      for (int i = 1; i < cells.length; i++) {
        versions[i - 1] = cells[i].isEmpty() ? null : RuntimeVersion.parse(cells[i]);
      }
      if (rows.put(op, versions) != null) {
        throw new IllegalStateException("op_min_runtime.csv has two rows for " + op);
      }
    }
    if (newest == null) {
      throw new IllegalStateException("op_min_runtime.csv lacks its newest_known line");
    }
    return new OpRuntimeTable(rows, newest);
  }
}
