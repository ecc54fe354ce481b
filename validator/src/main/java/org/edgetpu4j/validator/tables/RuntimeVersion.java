package org.edgetpu4j.validator.tables;

import java.util.Arrays;

/**
 * A dotted TFLite runtime version such as {@code 1.14.0}, compared component by component as
 * numbers (so {@code 1.9.0 < 1.14.0} and {@code 1.13.1 > 1.13.0}); missing trailing components
 * count as zero.
 *
 * @param parts the numeric components
 */
public record RuntimeVersion(int[] parts) implements Comparable<RuntimeVersion> {

  /** Copies the components and checks that there is at least one and none is negative. */
  public RuntimeVersion {
    if (parts.length == 0) {
      throw new IllegalArgumentException("a runtime version needs at least one component");
    }
    parts = parts.clone();
    for (int p : parts) {
      if (p < 0) {
        throw new IllegalArgumentException(
            "negative version component in " + Arrays.toString(parts));
      }
    }
  }

  /**
   * Parses {@code text} such as {@code 2.5.0} or {@code 1.14}.
   *
   * @throws IllegalArgumentException when a component is not a non-negative number
   */
  public static RuntimeVersion parse(String text) {
    String[] pieces = text.trim().split("\\.", -1);
    int[] parts = new int[pieces.length];
    for (int i = 0; i < pieces.length; i++) {
      try {
        parts[i] = Integer.parseInt(pieces[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "runtime version '" + text + "' is not dotted numbers such as 2.5.0", e);
      }
    }
    return new RuntimeVersion(parts);
  }

  /** Component {@code i}, zero when absent. */
  public int part(int i) {
    return i < parts.length ? parts[i] : 0;
  }

  /** True when this version is older than {@code other}. */
  public boolean isOlderThan(RuntimeVersion other) {
    return compareTo(other) < 0;
  }

  /** The release line, {@code major.minor}. */
  public String majorMinor() {
    return part(0) + "." + part(1);
  }

  @Override
  public int compareTo(RuntimeVersion o) {
    int n = Math.max(parts.length, o.parts.length);
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(part(i), o.part(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuntimeVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new int[] {part(0), part(1), part(2)});
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : ".").append(parts[i]);
    }
    return sb.toString();
  }
}
