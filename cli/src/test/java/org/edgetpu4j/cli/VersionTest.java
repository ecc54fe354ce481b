package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --version}: release, commit line and the dependency versions the build recorded. */
class VersionTest {
  @Test
  void versionNamesTheCommitAndTheDependencies() {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"--version"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    String v = out.toString();
    assertThat(v).containsPattern("^edgetpu4j \\d+\\.\\d+\\.\\d+\\S* \\(commit ");
    assertThat(v).containsPattern("TensorFlow Java \\d+\\.\\d+\\.\\d+");
    assertThat(v).containsPattern("picocli \\d+\\.\\d+\\.\\d+");
    assertThat(v).containsPattern("Eclipse Layout Kernel \\d+\\.\\d+\\.\\d+");
    assertThat(v).doesNotContain("${");
  }
}
