package org.edgetpu4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the release, the git commit it was built from and the versions of the
 * libraries that matter, as recorded by the build in {@code version.properties}.
 */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    String commit = value(p, "commit");
    if (commit != null && "true".equals(value(p, "dirty"))) {
      commit += " with uncommitted changes";
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "edgetpu4j "
            + orUnknown(value(p, "version"))
            + " (commit "
            + (commit == null ? "unknown: not built from a git checkout" : commit)
            + ")");
    lines.add(
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + "), "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch"));
    lines.add(
        "TensorFlow Java "
            + orUnknown(value(p, "tensorflow-java"))
            + " (compile, demo), TFLite for bench "
            + orUnknown(value(p, "tensorflow-lite-javacpp"))
            + ", JavaCPP "
            + orUnknown(value(p, "javacpp"))
            + ", natives "
            + orUnknown(value(p, "natives")));
    lines.add(
        "FlatBuffers "
            + orUnknown(value(p, "flatbuffers"))
            + ", picocli "
            + orUnknown(value(p, "picocli"))
            + ", Eclipse Layout Kernel "
            + orUnknown(value(p, "elk")));
    return lines.toArray(String[]::new);
  }

  /** The property, or null when missing or left unexpanded by the build. */
  private static String value(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() || v.startsWith("${") ? null : v.strip();
  }

  private static String orUnknown(String v) {
    return v == null ? "unknown" : v;
  }
}
