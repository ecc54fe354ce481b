package org.edgetpu4j.validator.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgetpu4j.tflite.BuiltinOp;

/**
 * The highest version of each builtin operator that given TFLite runtime releases register, from
 * {@code runtime_op_versions.csv}. A cell of 0 means the release does not have the operator.
 */
public final class RuntimeReleases {
  private static final RuntimeReleases INSTANCE = load();

  private final List<RuntimeVersion> releases;
  private final Map<BuiltinOp, int[]> rows;

  private RuntimeReleases(List<RuntimeVersion> releases, Map<BuiltinOp, int[]> rows) {
    this.releases = List.copyOf(releases);
    this.rows = rows;
  }

  /** The table shipped with this library. */
  public static RuntimeReleases get() {
    return INSTANCE;
  }

  /**
   * The release lines the table has a column for, oldest first ({@code 1.13}, {@code 1.14}, ...).
   */
  public List<RuntimeVersion> releases() {
    return releases;
  }

  /**
   * True when {@code v} names a TFLite release the tables can judge: 1.0 to 1.15, or 2.0 up to the
   * newest release line of this table (later releases may register operator versions unknown here).
   */
  public boolean isKnown(RuntimeVersion v) {
    RuntimeVersion newest = releases.get(releases.size() - 1);
    int major = v.part(0);
    int minor = v.part(1);
    return (major == 1 && minor <= 15)
        || (major == 2 && newest.part(0) == 2 && minor <= newest.part(1));
  }

  /** The known release lines as text, e.g. {@code 1.0-1.15, 2.0-2.14}. */
  public String knownText() {
    return "1.0-1.15, 2.0-" + releases.get(releases.size() - 1).majorMinor();
  }

  /** True when the operator has a row. */
  public boolean hasRow(BuiltinOp op) {
    return rows.containsKey(op);
  }

  /**
   * The highest version of {@code op} registered by the release line of {@code runtime} (same major
   * and minor version); empty when the table has no column for that line or no row for the op.
   */
  public Optional<Integer> maxVersion(BuiltinOp op, RuntimeVersion runtime) {
    int[] row = rows.get(op);
    if (row == null) {
      return Optional.empty();
    }
    for (int i = 0; i < releases.size(); i++) {
      if (releases.get(i).majorMinor().equals(runtime.majorMinor())) {
        return Optional.of(row[i]);
      }
    }
    return Optional.empty();
  }

  private static RuntimeReleases load() {
    List<String[]> lines = Csv.read("runtime_op_versions.csv");
    String[] header = lines.get(0);
    List<RuntimeVersion> releases = new ArrayList<>();
    for (int i = 1; i < header.length; i++) {
      releases.add(RuntimeVersion.parse(header[i]));
    }
    Map<BuiltinOp, int[]> rows = new EnumMap<>(BuiltinOp.class);
    for (String[] cells : lines.subList(1, lines.size())) {
      if (cells.length != header.length) {
        throw new IllegalStateException(
            "runtime_op_versions.csv row "
                + cells[0]
                + " has "
                + (cells.length - 1)
                + " cells, expected "
                + releases.size());
      }
      int[] row = new int[releases.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = Integer.parseInt(cells[i + 1]);
      }
      rows.put(BuiltinOp.valueOf(cells[0]), row);
    }
    return new RuntimeReleases(releases, rows);
  }
}
