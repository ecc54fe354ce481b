package org.edgetpu4j.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule has metadata, a unique id and its documentation page. */
class RuleMetadataTest {
  static final Path DOCS = Path.of("..", "docs", "rules");

  @Test
  void idsAreUniqueUpperCaseAndSummarised() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Rules.all()) {
      assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("[A-Z0-9_]+");
      assertThat(r.summary()).isNotBlank().endsWith(".");
    }
    assertThat(ids).hasSize(33);
  }

  @Test
  void everyRuleHasADocPageWithItsSeverityAndSummary() throws Exception {
    for (Rule r : Rules.all()) {
      Path page = DOCS.resolve(r.id() + ".md");
      assertThat(page).as("doc page of %s", r.id()).exists();
      String text = Files.readString(page);
      assertThat(text)
          .startsWith("# " + r.id())
          .contains("**Severity:** " + r.severity())
          .contains(r.summary());
    }
  }

  @Test
  void everyDocPageBelongsToARule() throws Exception {
    Set<String> ids = Rules.all().stream().map(Rule::id).collect(Collectors.toSet());
    try (Stream<Path> pages = Files.list(DOCS)) {
      assertThat(pages.map(p -> p.getFileName().toString().replace(".md", "")))
          .allMatch(ids::contains);
    }
  }
}
