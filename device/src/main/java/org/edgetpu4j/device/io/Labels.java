package org.edgetpu4j.device.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class labels by output index. A label file is either one label per line (line {@code i}, from 0,
 * names class {@code i}) or, as pycoral reads them, {@code index label} lines ({@code 0
 * background}, {@code 1: tench}); the second form is used when every non-blank line has it.
 */
public final class Labels {
  private static final Pattern INDEXED = Pattern.compile("^\\s*(\\d+)[:\\s]+(\\S.*?)\\s*$");

  /** Label files larger than this are refused. */
  public static final long MAX_BYTES = 64L << 20;

  private final Map<Integer, String> byIndex;

  private Labels(Map<Integer, String> byIndex) {
    this.byIndex = Map.copyOf(byIndex);
  }

  /** Labels from the lines of a file's text. */
  public static Labels parse(List<String> lines) {
    Map<Integer, String> indexed = new TreeMap<>();
    boolean allIndexed = false;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = INDEXED.matcher(line);
      if (!m.matches() || m.group(1).length() > 9) {
        allIndexed = false;
        break;
      }
      allIndexed = true;
      indexed.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    if (allIndexed) {
      return new Labels(indexed);
    }
    Map<Integer, String> plain = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      plain.put(i, lines.get(i).strip());
    }
    return new Labels(plain);
  }

  /**
   * Reads a UTF-8 label file.
   *
   * @throws IOException when it cannot be read, is over {@link #MAX_BYTES} or has no label
   */
  public static Labels read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IOException(
          file + ": " + size + " bytes; label files of at most " + MAX_BYTES + " bytes are read");
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new IOException(file + ": no labels in the file; expected one label per line");
    }
    return parse(lines);
  }

  /** The number of labelled classes. */
  public int size() {
    return byIndex.size();
  }

  /** The label of class {@code index}, or {@code #index} when the file names none. */
  public String label(int index) {
    String l = byIndex.get(index);
    return l == null || l.isEmpty() ? "#" + index : l;
  }
}
