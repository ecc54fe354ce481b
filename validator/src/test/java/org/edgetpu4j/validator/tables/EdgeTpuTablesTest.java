package org.edgetpu4j.validator.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.validator.edgetpu.Limitation;
import org.junit.jupiter.api.Test;

class EdgeTpuTablesTest {
  /** The operators of the Coral supported-operations table. */
  static final Set<BuiltinOp> CORAL =
      EnumSet.of(
          BuiltinOp.ADD,
          BuiltinOp.AVERAGE_POOL_2D,
          BuiltinOp.CONCATENATION,
          BuiltinOp.CONV_2D,
          BuiltinOp.DEPTHWISE_CONV_2D,
          BuiltinOp.EXPAND_DIMS,
          BuiltinOp.FULLY_CONNECTED,
          BuiltinOp.L2_NORMALIZATION,
          BuiltinOp.LOGISTIC,
          BuiltinOp.UNIDIRECTIONAL_SEQUENCE_LSTM,
          BuiltinOp.MAXIMUM,
          BuiltinOp.MINIMUM,
          BuiltinOp.MAX_POOL_2D,
          BuiltinOp.MEAN,
          BuiltinOp.MUL,
          BuiltinOp.PACK,
          BuiltinOp.PAD,
          BuiltinOp.PRELU,
          BuiltinOp.QUANTIZE,
          BuiltinOp.REDUCE_MAX,
          BuiltinOp.REDUCE_MIN,
          BuiltinOp.RELU,
          BuiltinOp.RELU6,
          BuiltinOp.RELU_N1_TO_1,
          BuiltinOp.RESHAPE,
          BuiltinOp.RESIZE_BILINEAR,
          BuiltinOp.RESIZE_NEAREST_NEIGHBOR,
          BuiltinOp.RSQRT,
          BuiltinOp.SLICE,
          BuiltinOp.SOFTMAX,
          BuiltinOp.SPACE_TO_DEPTH,
          BuiltinOp.SPLIT,
          BuiltinOp.SQUEEZE,
          BuiltinOp.STRIDED_SLICE,
          BuiltinOp.SUB,
          BuiltinOp.SUM,
          BuiltinOp.SQUARED_DIFFERENCE,
          BuiltinOp.TANH,
          BuiltinOp.TILE, // mapped by compiler 16 (-m 14) in a real compiled model
          BuiltinOp.TRANSPOSE,
          BuiltinOp.TRANSPOSE_CONV);

  @Test
  void everyBuiltinHasARowExactlyWhenTheEdgeTpuSupportsIt() {
    for (BuiltinOp op : BuiltinOp.values()) {
      assertThat(EdgeTpuTables.get().op(op).isPresent()).as("%s", op).isEqualTo(CORAL.contains(op));
    }
  }

  @Test
  void rowsAreConsistent() {
    for (EdgeTpuOp row : EdgeTpuTables.get().ops()) {
      assertThat(row.minRuntime()).isBetween(10, 14);
      assertThat(OpRuntimeTable.get().hasRow(row.op())).as("%s", row.op()).isTrue();
      for (String l : row.limitations()) {
        assertThat(Limitation.valueOf(l)).isNotNull();
      }
    }
    assertThat(EdgeTpuTables.get().op(BuiltinOp.TRANSPOSE).orElseThrow().minRuntime())
        .isEqualTo(14);
    assertThat(EdgeTpuTables.get().op(BuiltinOp.PRELU).orElseThrow().minRuntime()).isEqualTo(13);
  }

  @Test
  void compilerReleasesAndParserCeilings() {
    EdgeTpuTables t = EdgeTpuTables.get();
    assertThat(t.compilers())
        .extracting(c -> c.release().toString())
        .containsExactly("2.0", "2.1", "14", "15", "16");
    assertThat(t.compiler(CompilerVersion.parse("16.0.384591198")).orElseThrow().defaultRuntime())
        .isEqualTo(14);
    CompilerVersion c16 = CompilerVersion.parse("16");
    assertThat(t.maxParsedVersion(BuiltinOp.CONV_2D, c16)).hasValue(5);
    assertThat(t.maxParsedVersion(BuiltinOp.TRANSPOSE_CONV, CompilerVersion.parse("2.1")))
        .hasValue(2);
    assertThat(t.maxParsedVersion(BuiltinOp.TRANSPOSE_CONV, c16)).hasValue(3);
    assertThat(t.maxParsedVersion(BuiltinOp.RELU, c16)).isEmpty();
    assertThat(t.maxParsedVersion(BuiltinOp.RELU, CompilerVersion.parse("2.0"))).hasValue(1);
  }
}
