package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table in the README is what {@code demo mnist} prints, digit for digit. */
class ReadmeDemoTableTest {
  private static final Pattern TABLE =
      Pattern.compile("(?s)pasted from `\\./edgetpu4j demo mnist`\\):\\n\\n```\\n(.*?)```");

  @TempDir Path dir;

  @Test
  void theDemoPrintsTheReadmesTable() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher m = TABLE.matcher(readme);
    assertThat(m.find()).as("the README's demo table").isTrue();
    String table = m.group(1);
    assertThat(table).contains("QAT int8").contains("argmax =");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"demo", "mnist", "--out", dir.resolve("run").toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().replace("\r\n", "\n")).contains(table);
  }
}
