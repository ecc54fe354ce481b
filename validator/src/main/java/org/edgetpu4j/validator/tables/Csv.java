package org.edgetpu4j.validator.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the small comma-separated tables shipped as resources of this package. */
final class Csv {
  private Csv() {}

  /**
   * The non-comment, non-blank lines of resource {@code name}, split at commas (empty cells kept).
   */
  static List<String[]> read(String name) {
    InputStream in = Csv.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("table resource " + name + " is missing from the jar");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        rows.add(line.split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read table " + name, e);
    }
    return rows;
  }
}
