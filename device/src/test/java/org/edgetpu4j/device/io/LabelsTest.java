package org.edgetpu4j.device.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label files in both forms, and the top classes of an output. */
class LabelsTest {
  @TempDir Path dir;

  @Test
  void plainLinesAreIndexedFromZero() {
    Labels l = Labels.parse(List.of("background", "tench", "", "goldfish"));
    assertThat(l.label(1)).isEqualTo("tench");
    assertThat(l.label(2)).isEqualTo("#2");
    assertThat(l.label(3)).isEqualTo("goldfish");
    assertThat(l.label(99)).isEqualTo("#99");
  }

  @Test
  void pycoralIndexLinesKeepTheirIndices() {
    Labels l = Labels.parse(List.of("0  background", "5: great white shark", "", "7 cock"));
    assertThat(l.size()).isEqualTo(3);
    assertThat(l.label(5)).isEqualTo("great white shark");
    assertThat(l.label(7)).isEqualTo("cock");
    assertThat(l.label(1)).isEqualTo("#1");
  }

  @Test
  void oneLineWithoutAnIndexMakesTheFilePlain() {
    Labels l = Labels.parse(List.of("3 little pigs", "cat"));
    assertThat(l.label(0)).isEqualTo("3 little pigs");
    assertThat(l.label(1)).isEqualTo("cat");
  }

  @Test
  void emptyFilesAreRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("l.txt"), "\n\n");
    assertThatThrownBy(() -> Labels.read(f))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no labels");
  }

  @Test
  void topClassesBestFirstTiesByIndex() {
    float[] scores = {0.1f, 0.5f, 0.2f, 0.5f, -1f};
    List<Classification> top =
        Classification.top(scores, 3, Optional.of(Labels.parse(List.of("a", "b", "c", "d"))));
    assertThat(top)
        .containsExactly(
            new Classification(1, "b", 0.5f),
            new Classification(3, "d", 0.5f),
            new Classification(2, "c", 0.2f));
    assertThat(Classification.top(scores, 9, Optional.empty())).hasSize(5);
    assertThat(Classification.top(scores, 1, Optional.empty()).get(0).label()).isEqualTo("#1");
  }
}
