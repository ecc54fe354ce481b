package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code java} block of the top-level README compiles as printed, imports included. */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
  private static final Pattern CLASS = Pattern.compile("(?m)^public class (\\w+)");

  @TempDir Path dir;

  @Test
  void everyJavaSnippetCompiles() throws Exception {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    List<File> sources = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String code = m.group(1);
      Matcher c = CLASS.matcher(code);
      assertThat(c.find()).as("a README java block declares a public class:%n%s", code).isTrue();
      Path file = dir.resolve(c.group(1) + ".java");
      assertThat(file).as("two snippets named %s", c.group(1)).doesNotExist();
      Files.writeString(file, code, StandardCharsets.UTF_8);
      sources.add(file.toFile());
    }
    assertThat(sources).hasSizeGreaterThanOrEqualTo(5);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "--release", "17", "-cp", classPath, "-d", dir.resolve("classes").toString()),
                  null,
                  files.getJavaFileObjectsFromFiles(sources))
              .call();
      StringBuilder errors = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors
              .append(d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName())
              .append(':')
              .append(d.getLineNumber())
              .append(": ")
              .append(d.getMessage(Locale.ROOT))
              .append('\n');
        }
      }
      assertThat(errors.toString()).isEmpty();
      assertThat(ok).isTrue();
    }
    for (File f : sources) {
      String name = f.getName().replace(".java", ".class");
      assertThat(dir.resolve("classes").resolve(name)).exists();
    }
  }
}
