package org.edgetpu4j.validator.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.edgetpu4j.tflite.BuiltinOp;
import org.junit.jupiter.api.Test;

class RuntimeReleasesTest {
  static final RuntimeVersion R113 = RuntimeVersion.parse("1.13.1");

  @Test
  void hasTheMilestoneReleases() {
    assertThat(RuntimeReleases.get().releases())
        .extracting(RuntimeVersion::majorMinor)
        .contains("1.13", "1.14", "1.15", "2.5", "2.10", "2.14");
  }

  @Test
  void everyOperatorWithAMinimumRuntimeHasAReleaseRow() {
    for (BuiltinOp op : BuiltinOp.values()) {
      assertThat(RuntimeReleases.get().hasRow(op))
          .as("%s", op)
          .isEqualTo(OpRuntimeTable.get().hasRow(op));
    }
  }

  @Test
  void releasesNeverDropVersionsAndAgreeWithTheMinimumRuntimeMap() {
    RuntimeReleases rr = RuntimeReleases.get();
    OpRuntimeTable map = OpRuntimeTable.get();
    for (BuiltinOp op : BuiltinOp.values()) {
      if (!rr.hasRow(op)) {
        continue;
      }
      int previous = 0;
      for (RuntimeVersion release : rr.releases()) {
        RuntimeVersion full = release.majorMinor().equals("1.13") ? R113 : release;
        int cell = rr.maxVersion(op, full).orElseThrow();
        assertThat(cell).as("%s in %s", op, release).isGreaterThanOrEqualTo(previous);
        previous = cell;
        int derived = 0;
        for (int v = 1; v <= map.knownVersions(op); v++) {
          var min = map.minRuntime(op, v);
          if (min.isPresent() && !full.isOlderThan(min.get())) {
            derived = v;
          }
        }
        assertThat(cell)
            .as("%s in %s vs minimum-runtime map", op, release)
            .isGreaterThanOrEqualTo(derived);
      }
    }
  }

  @Test
  void measuredOld113Runtime() {
    RuntimeReleases rr = RuntimeReleases.get();
    assertThat(rr.maxVersion(BuiltinOp.FULLY_CONNECTED, R113)).contains(3);
    assertThat(rr.maxVersion(BuiltinOp.QUANTIZE, R113)).contains(0);
    assertThat(rr.maxVersion(BuiltinOp.FULLY_CONNECTED, RuntimeVersion.parse("1.14.0")))
        .contains(4);
    assertThat(rr.maxVersion(BuiltinOp.FULLY_CONNECTED, RuntimeVersion.parse("2.7.0"))).isEmpty();
  }
}
