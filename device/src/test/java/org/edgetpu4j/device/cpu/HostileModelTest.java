package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.edgetpu4j.tflite.testing.ModelEdits.firstOp;
import static org.edgetpu4j.tflite.testing.ModelEdits.int32s;
import static org.edgetpu4j.tflite.testing.ModelEdits.withConstant;
import static org.edgetpu4j.tflite.testing.ModelEdits.withOption;
import static org.edgetpu4j.tflite.testing.ModelEdits.withQuant;
import static org.edgetpu4j.tflite.testing.ModelEdits.withShape;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Models the reader accepts but whose operator options, constant tensors or quantization no kernel
 * can run: each is refused at load with the operator and what was expected, never with an {@link
 * Error}, a Java exception's text or a long wait.
 */
@Timeout(60)
class HostileModelTest {
  private static Model caseModel(String name) throws Exception {
    return TfliteReader.read(ConformanceCases.load(name).model());
  }

  /** "ran", or the refusal's message; fails on anything else. */
  private static String outcome(Model model) throws Exception {
    Model m = TfliteReader.read(TfliteWriter.toBytes(model)); // the reader accepts it
    try {
      Interpreter it = Interpreter.load(m);
      List<byte[]> in = new ArrayList<>();
      for (int i = 0; i < it.inputCount(); i++) {
        in.add(new byte[it.input(i).byteSize()]);
      }
      it.run(in);
      return "ran";
    } catch (ModelRefusedException | InvalidInputException e) {
      assertThat(e.getMessage()).doesNotContain(Planner.INTERNAL).doesNotContain("Exception");
      return e.getMessage();
    } catch (Throwable t) {
      return fail("escaped: " + t, t);
    }
  }

  private static int input(Model m, int op, int k) {
    Operator o = m.mainSubgraph().operators().get(op);
    return o.inputs().get(k);
  }

  private static int output(Model m, int op) {
    return m.mainSubgraph().operators().get(op).outputs().get(0);
  }

  @Test
  void hugePoolFiltersAreClippedOrRefusedWithoutAllocating() throws Exception {
    for (String name : List.of("op_maxpool_same_s2_int8", "op_avgpool_valid_s2_int8")) {
      Model m = caseModel(name);
      BuiltinOp kind = name.contains("max") ? BuiltinOp.MAX_POOL_2D : BuiltinOp.AVERAGE_POOL_2D;
      int op = firstOp(m, kind);
      Model huge =
          withOption(
              withOption(m, op, "filter_height", (long) Integer.MAX_VALUE),
              op,
              "filter_width",
              (long) (1 << 30));
      String r = outcome(huge);
      if (name.contains("valid")) {
        assertThat(r).contains("Op#" + op).contains("expected dimensions >= 0");
      } else {
        assertThat(r).isEqualTo("ran");
      }
      assertThat(outcome(withOption(m, op, "stride_w", 0L)))
          .contains("Op#" + op)
          .contains("stride_w");
    }
  }

  @Test
  void hugeResizeOutputsAreRefusedBeforeAllocating() throws Exception {
    for (String name : List.of("op_resize_nearest_int8", "op_resize_bilinear_int8")) {
      Model m = caseModel(name);
      BuiltinOp kind =
          name.contains("nearest") ? BuiltinOp.RESIZE_NEAREST_NEIGHBOR : BuiltinOp.RESIZE_BILINEAR;
      int op = firstOp(m, kind);
      int size = input(m, op, 1);
      assertThat(outcome(withConstant(m, size, int32s(1 << 30, 1 << 30), 2)))
          .contains("Op#" + op)
          .contains("more than the limit");
      assertThat(outcome(withConstant(m, size, int32s(3, 0), 2)))
          .contains("Op#" + op)
          .contains("size");
      assertThat(outcome(withConstant(m, size, int32s(3, 4, 5), 3))).contains("2 values");
    }
  }

  @Test
  void badTransposeConvOutputShapesAreRefused() throws Exception {
    Model m = caseModel("op_transpose_conv_int8");
    int op = firstOp(m, BuiltinOp.TRANSPOSE_CONV);
    int shape = input(m, op, 0);
    assertThat(outcome(withConstant(m, shape, int32s(1, -5, 3, 2), 4))).contains("Op#" + op);
    assertThat(outcome(withConstant(m, shape, int32s(7, 8, 8, 2), 4))).contains("Op#" + op);
    assertThat(outcome(withConstant(m, shape, int32s(1, 8, 8), 3))).contains("4 values");
    assertThat(outcome(withOption(m, op, "stride_h", (long) Integer.MAX_VALUE)))
        .contains("Op#" + op);
  }

  @Test
  void stridedSliceBoundsAreCheckedAtLoad() throws Exception {
    for (String name : List.of("op_strided_slice_int8", "op_strided_slice_shrink_int8")) {
      Model m = caseModel(name);
      int op = firstOp(m, BuiltinOp.STRIDED_SLICE);
      int rank = m.mainSubgraph().tensor(input(m, op, 0)).shape().length();
      int[] begin = new int[rank];
      java.util.Arrays.fill(begin, 1 << 20);
      // every axis shrunk, starting past the end
      String r =
          outcome(
              withOption(
                  withConstant(m, input(m, op, 1), int32s(begin), rank),
                  op,
                  "shrink_axis_mask",
                  (long) ((1 << rank) - 1)));
      assertThat(r).contains("Op#" + op);
      assertThat(outcome(withConstant(m, input(m, op, 1), int32s(1), 1))).contains("Op#" + op);
      assertThat(outcome(withOption(m, op, "begin_mask", -1L))).isNotNull();
    }
  }

  @Test
  void badReshapeTargetsAreRefused() throws Exception {
    Model m = caseModel("op_reshape_int8");
    int op = firstOp(m, BuiltinOp.RESHAPE);
    Operator o = m.mainSubgraph().operators().get(op);
    if (o.inputs().length() > 1 && o.inputs().get(1) >= 0) {
      int s = o.inputs().get(1);
      assertThat(outcome(withConstant(m, s, int32s(7), new int[0]))).contains("Op#" + op);
      assertThat(outcome(withConstant(m, s, int32s(-2, -2), 2))).contains("Op#" + op);
      assertThat(outcome(withConstant(m, s, int32s(1 << 16, 1 << 16, 1 << 16), 3)))
          .contains("Op#" + op);
      assertThat(outcome(withConstant(m, s, int32s(-1, 0), 2))).contains("Op#" + op);
    }
    assertThat(outcome(withOption(m, op, "new_shape", org.edgetpu4j.tflite.LongArray.of(-3))))
        .isNotNull();
  }

  @Test
  void tensorByteSizesThatOverflowAreRefused() throws Exception {
    Model m = caseModel("mnist_cnn_float32");
    int in = m.mainSubgraph().inputs().get(0);
    assertThat(outcome(withShape(m, in, 1 << 14, 1 << 14, 1, 1))).contains("limit of");
    Model t = caseModel("op_transpose_conv_int8");
    int op = firstOp(t, BuiltinOp.TRANSPOSE_CONV);
    int shape = input(t, op, 0);
    assertThat(outcome(withConstant(t, shape, int32s(1, 1 << 30, 1 << 30, 1 << 30), 4)))
        .contains("Op#" + op)
        .contains("more than 2^63 bytes");
  }

  @Test
  void quantizationTfliteRefusesIsRefused() throws Exception {
    Model m = caseModel("op_conv_per_tensor_int8");
    int op = firstOp(m, BuiltinOp.CONV_2D);
    int x = input(m, op, 0);
    for (float bad : new float[] {0f, Float.NaN, Float.POSITIVE_INFINITY, -0.5f}) {
      assertThat(outcome(withQuant(m, x, QuantParams.perTensor(bad, 0))))
          .contains("T#" + x)
          .contains("scale");
    }
    assertThat(outcome(withQuant(m, output(m, op), QuantParams.perTensor(0.1f, 300))))
        .contains("zero point 300")
        .contains("-128..127");
  }

  @Test
  void concatenationAxisOutOfRangeIsRefused() throws Exception {
    Model m = caseModel("op_concat_int8");
    int op = firstOp(m, BuiltinOp.CONCATENATION);
    assertThat(outcome(withOption(m, op, "axis", 7L))).contains("Op#" + op).contains("axis = 7");
    assertThat(outcome(withOption(m, op, "axis", -9L))).contains("axis = -9");
  }

  @Test
  void unknownFullyConnectedWeightsFormatIsRefused() throws Exception {
    Model m = caseModel("op_fc_bias_int8");
    int op = firstOp(m, BuiltinOp.FULLY_CONNECTED);
    assertThat(outcome(withOption(m, op, "weights_format", 1L)))
        .contains("Op#" + op)
        .contains("weights_format");
  }

  @Test
  void budgetsAreConfigurable() throws Exception {
    Model m = caseModel("mnist_cnn_int8");
    assertThat(outcome(m)).isEqualTo("ran");
    Model read = TfliteReader.read(TfliteWriter.toBytes(m));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    Interpreter.load(
                        read, InterpreterOptions.defaults().withLimits(Limits.ofBytes(1000)))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("limit of 1000");
  }

  @Test
  void scratchAndWorkBudgetsRefuseBeforeAllocating() throws Exception {
    Model m = caseModel("op_add_broadcast_int8");
    Model read = TfliteReader.read(TfliteWriter.toBytes(m));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    Interpreter.load(
                        read,
                        InterpreterOptions.defaults()
                            .withLimits(new Limits(1 << 20, 8, 1 << 20, 1L << 30)))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("working memory");
    Model conv = TfliteReader.read(TfliteWriter.toBytes(caseModel("mnist_cnn_int8")));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    Interpreter.load(
                        conv,
                        InterpreterOptions.defaults()
                            .withLimits(Limits.defaults().withMaxOpsPerRun(100_000)))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("operations per run");
    assertThat(Interpreter.load(conv).stepCount()).isPositive();
  }
}
