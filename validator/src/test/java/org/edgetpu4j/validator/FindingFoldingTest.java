package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingFoldingTest {

  private static Finding f(String rule, Severity s, int op, String message) {
    return new Finding(
        rule, s, 0, op, op < 0 ? "" : "EXP", -1, "", message, "", Optional.<EdgeTpuStatus>empty());
  }

  @Test
  void secondaryErrorsOfAnUnsupportedOpAreFoldedIntoItsOneError() {
    List<Finding> in =
        List.of(
            f("EDGETPU_UNSUPPORTED_OP", Severity.ERROR, 3, "EXP is not supported."),
            f("EDGETPU_OP_VERSION", Severity.ERROR, 3, "EXP v2 is too new."),
            f("EDGETPU_DATA_TYPE", Severity.ERROR, 3, "int16 input."),
            f("EDGETPU_OP_VERSION", Severity.ERROR, 5, "ADD v9 is too new."),
            f("FLOAT_ISLAND", Severity.WARNING, 3, "float island."));
    List<Finding> out = FindingFolding.fold(in);
    assertThat(out)
        .extracting(Finding::ruleId)
        .containsExactly("EDGETPU_UNSUPPORTED_OP", "EDGETPU_OP_VERSION", "FLOAT_ISLAND");
    Finding one = out.get(0);
    assertThat(one.message())
        .isEqualTo(
            "EXP is not supported. Also [EDGETPU_OP_VERSION]: EXP v2 is too new."
                + " Also [EDGETPU_DATA_TYPE]: int16 input.");
    assertThat(FindingFolding.secondaryRules(one))
        .containsExactly("EDGETPU_OP_VERSION", "EDGETPU_DATA_TYPE");
    // An error on an operator without a primary finding stays as it is.
    assertThat(out.get(1).opIndex()).isEqualTo(5);
    assertThat(FindingFolding.secondaryRules(out.get(1))).isEmpty();
  }

  @Test
  void findingsWithoutAnUnsupportedOpAreUnchanged() {
    List<Finding> in =
        List.of(
            f("EDGETPU_OP_VERSION", Severity.ERROR, 1, "a"),
            f("EDGETPU_DATA_TYPE", Severity.ERROR, 1, "b"));
    assertThat(FindingFolding.fold(in)).isEqualTo(in);
  }
}
