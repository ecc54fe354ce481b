package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteWriterTest {
  @Test
  void aModelBuiltFromRecordsRunsInTflite() throws Exception {
    // out = relu6(a + b) on int8 [1, 4], both inputs and the output with scale 1/16, zp 0.
    QuantParams q = QuantParams.perTensor(1 / 16f, 0);
    Subgraph g =
        new Subgraph(
            "main",
            List.of(
                Tensor.of("a", TensorType.INT8, IntArray.of(1, 4), 0, q),
                Tensor.of("b", TensorType.INT8, IntArray.of(1, 4), 0, q),
                Tensor.of("out", TensorType.INT8, IntArray.of(1, 4), 0, q)),
            IntArray.of(0, 1),
            IntArray.of(2),
            List.of(
                Operator.of(
                    0,
                    IntArray.of(0, 1),
                    IntArray.of(2),
                    BuiltinOptions.of("AddOptions", "fused_activation_function", 3))));
    Model model =
        new Model(
            3,
            List.of(OperatorCode.builtin(BuiltinOp.ADD, 2)),
            List.of(g),
            "",
            List.of(Buffer.EMPTY),
            IntArray.empty(),
            List.of(),
            List.of());
    byte[] bytes = TfliteWriter.toBytes(model);
    assertThat(TfliteReader.read(bytes)).isEqualTo(model);
    try (TfliteOracle tflite = TfliteOracle.load(bytes, false)) {
      byte[] out =
          tflite
              .run(
                  List.of(new byte[] {16, 40, 90, -20}, new byte[] {16, 40, 20, -10}),
                  List.of(new int[] {1, 4}, new int[] {1, 4}))
              .get(0);
      assertThat(out).containsExactly(32, 80, 96, 0); // 2.0, 5.0, clamp 6.0, clamp 0
    }
  }

  @Test
  void writesAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Model model = TfliteReader.read(ConformanceCases.load("op_add_broadcast_int8").model());
    Path out = dir.resolve("sub/model.tflite");
    TfliteWriter.write(model, out);
    TfliteWriter.write(model, out); // replacing an existing file works too
    assertThat(TfliteReader.read(out)).isEqualTo(model);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-r--r--");
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void refusesAnInvalidModelWithoutTouchingTheTarget(@TempDir Path dir) throws Exception {
    Model model = TfliteReader.read(ConformanceCases.load("op_add_broadcast_int8").model());
    Model broken = SemanticCorruption.OUTPUT_INDEX.apply(model);
    Path out = dir.resolve("model.tflite");
    Files.writeString(out, "previous");
    assertThatThrownBy(() -> TfliteWriter.write(broken, out))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("subgraphs[0].outputs[0]");
    assertThat(Files.readString(out)).isEqualTo("previous");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }
}
