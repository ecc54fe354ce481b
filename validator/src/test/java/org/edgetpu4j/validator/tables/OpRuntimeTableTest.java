package org.edgetpu4j.validator.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.edgetpu4j.tflite.BuiltinOp;
import org.junit.jupiter.api.Test;

class OpRuntimeTableTest {
  /** Builtins with no minimum-runtime row: not real kernels, or added after the table's release. */
  static final Set<BuiltinOp> NO_ROW =
      EnumSet.of(
          BuiltinOp.CONCAT_EMBEDDINGS,
          BuiltinOp.CALL,
          BuiltinOp.CUSTOM,
          BuiltinOp.DELEGATE,
          BuiltinOp.PLACEHOLDER_FOR_GREATER_OP_CODES);

  /** The first code added after the 2.13 tree (BITCAST). */
  static final int FIRST_NEWER_CODE = 159;

  @Test
  void everyBuiltinHasARowWhereItShould() {
    OpRuntimeTable t = OpRuntimeTable.get();
    for (BuiltinOp op : BuiltinOp.values()) {
      boolean shouldHaveRow = !NO_ROW.contains(op) && op.code() < FIRST_NEWER_CODE;
      assertThat(t.hasRow(op)).as("%s", op).isEqualTo(shouldHaveRow);
    }
  }

  @Test
  void knownEntries() {
    OpRuntimeTable t = OpRuntimeTable.get();
    assertThat(t.minRuntime(BuiltinOp.FULLY_CONNECTED, 4)).contains(RuntimeVersion.parse("1.14.0"));
    assertThat(t.minRuntime(BuiltinOp.FULLY_CONNECTED, 3)).contains(RuntimeVersion.parse("1.14.0"));
    assertThat(t.minRuntime(BuiltinOp.CONV_2D, 6)).contains(RuntimeVersion.parse("2.9.0"));
    assertThat(t.minRuntime(BuiltinOp.BROADCAST_TO, 1)).isEmpty();
    assertThat(t.minRuntime(BuiltinOp.CONV_2D, 8)).isEmpty();
    assertThat(t.newestKnown()).isEqualTo(RuntimeVersion.parse("2.13.0"));
  }

  @Test
  void newerVersionsNeverNeedOlderRuntimes() {
    OpRuntimeTable t = OpRuntimeTable.get();
    for (BuiltinOp op : BuiltinOp.values()) {
      RuntimeVersion previous = null;
      for (int v = 1; v <= t.knownVersions(op); v++) {
        var min = t.minRuntime(op, v);
        if (min.isEmpty()) {
          continue;
        }
        if (previous != null) {
          assertThat(min.get().isOlderThan(previous)).as("%s v%d", op, v).isFalse();
        }
        previous = min.get();
      }
    }
  }
}
