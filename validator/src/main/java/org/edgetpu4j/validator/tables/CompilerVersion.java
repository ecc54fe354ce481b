package org.edgetpu4j.validator.tables;

/**
 * An Edge TPU compiler release line, as users name it: {@code 2.0}, {@code 2.1}, {@code 14}, {@code
 * 15}, {@code 16}. Ordered by release date.
 *
 * @param version the release line as a dotted version
 */
public record CompilerVersion(RuntimeVersion version) implements Comparable<CompilerVersion> {

  /** The newest compiler release, 16.0. */
  public static final CompilerVersion LATEST = parse("16");

  /** Parses {@code 16}, {@code 16.0.384591198}, {@code 2.1} and the like. */
  public static CompilerVersion parse(String text) {
    return new CompilerVersion(RuntimeVersion.parse(text));
  }

  /** True when this release is older than {@code other}. */
  public boolean isOlderThan(CompilerVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(CompilerVersion o) {
    // Compare the release line only: 16.0.384591198 is release 16.
    int c = Integer.compare(version.part(0), o.version.part(0));
    return c != 0 ? c : Integer.compare(version.part(1), o.version.part(1));
  }

  @Override
  public String toString() {
    return version.toString();
  }
}
