package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

/** Public behaviour of the interpreter: errors, refusals, I/O helpers, memory planning. */
class InterpreterTest {
  private static Model caseModel(String name) throws Exception {
    return TfliteReader.read(ConformanceCases.load(name).model());
  }

  /** x -> RELU -> RELU, int8 [1, 4]. */
  private static Model reluChain(OperatorCode code) {
    return reluChain(code, IntArray.of(1, 4));
  }

  private static Model reluChain(OperatorCode code, IntArray shape) {
    QuantParams q = QuantParams.perTensor(0.5f, -10);
    List<Tensor> tensors =
        List.of(
            Tensor.of("in", TensorType.INT8, shape, 0, q),
            Tensor.of("mid", TensorType.INT8, shape, 0, q),
            Tensor.of("out", TensorType.INT8, shape, 0, q));
    List<Operator> ops =
        List.of(
            Operator.of(0, IntArray.of(0), IntArray.of(1), BuiltinOptions.NONE),
            Operator.of(0, IntArray.of(1), IntArray.of(2), BuiltinOptions.NONE));
    Subgraph sg = new Subgraph("main", tensors, IntArray.of(0), IntArray.of(2), ops);
    return new Model(
        3,
        List.of(code),
        List.of(sg),
        "",
        List.of(Buffer.EMPTY),
        IntArray.empty(),
        List.of(),
        List.of());
  }

  @Test
  void runsABuiltModel() {
    Interpreter it = Interpreter.load(reluChain(OperatorCode.builtin(BuiltinOp.RELU, 1)));
    byte[] out = it.run(List.of(new byte[] {-20, -10, 0, 100})).get(0);
    assertThat(out).containsExactly(-10, -10, 0, 100);
  }

  @Test
  void refusesCustomOperatorsWithLocation() {
    Model m = reluChain(OperatorCode.custom("MyOp", 1));
    assertThatThrownBy(() -> Interpreter.load(m))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessage(
            "Op#0 CUSTOM:MyOp v1: custom operator 'MyOp' has no kernel; register one with"
                + " InterpreterOptions.withCustomOp");
  }

  @Test
  void runsRegisteredCustomOperators() {
    Model m = reluChain(OperatorCode.custom("Negate", 1));
    Kernel negate =
        node -> {
          Slot in = node.in(0);
          Slot out = node.out(0);
          node.requireType(in, TensorType.INT8);
          node.setShape(0, in.shape);
          int n = in.byteSize();
          return mem -> {
            for (int k = 0; k < n; k++) {
              mem.data[out.index][mem.offset[out.index] + k] =
                  (byte) -mem.data[in.index][mem.offset[in.index] + k];
            }
          };
        };
    Interpreter it =
        Interpreter.load(m, InterpreterOptions.defaults().withCustomOp("Negate", negate));
    assertThat(it.run(List.of(new byte[] {1, -2, 3, 0})).get(0)).containsExactly(1, -2, 3, 0);
    assertThatThrownBy(
            () -> Interpreter.load(m, InterpreterOptions.defaults().withCustomOp("Other", negate)))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("(registered: [Other])");
  }

  @Test
  void refusesUnsupportedVersionsAndOperators() {
    assertThatThrownBy(() -> Interpreter.load(reluChain(OperatorCode.builtin(BuiltinOp.RELU, 9))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("Op#0 RELU v9")
        .hasMessageContaining("1..3");
    assertThatThrownBy(() -> Interpreter.load(reluChain(OperatorCode.builtin(BuiltinOp.LSTM, 1))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessage("Op#0 LSTM v1: operator is not supported");
  }

  @Test
  void refusesUnknownAndHugeShapesWithoutAllocating() {
    OperatorCode relu = OperatorCode.builtin(BuiltinOp.RELU, 1);
    assertThatThrownBy(() -> Interpreter.load(reluChain(relu, IntArray.of(1, -1))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("T#0 'in'");
    assertThatThrownBy(() -> Interpreter.load(reluChain(relu, IntArray.of(65536, 65536, 4))))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void refusesTheAudioCustomOpCase() throws Exception {
    Model m = caseModel("custom_op_audio_mfcc");
    assertThatThrownBy(() -> Interpreter.load(m))
        .hasMessageContaining("Op#0 CUSTOM:AudioSpectrogram v1");
  }

  @Test
  void refusesInt8WeightsWithNonzeroZeroPoint() throws Exception {
    Model m = caseModel("tf1_fakequant_int8_asymmetric_weights");
    assertThatThrownBy(() -> Interpreter.load(m))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("CONV_2D")
        .hasMessageContaining("zero point");
  }

  @Test
  void refuses16x8TanhWithTheTypeFound() throws Exception {
    Model m = caseModel("op_tanh_16x8");
    assertThatThrownBy(() -> Interpreter.load(m))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("Op#0 TANH v2")
        .hasMessageContaining("INT16");
  }

  @Test
  void badInvocationInputsAreClearErrors() throws Exception {
    Interpreter it = Interpreter.load(caseModel("mnist_cnn_int8"));
    assertThatThrownBy(() -> it.run(List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the model has 1 input(s), got 0");
    assertThatThrownBy(() -> it.run(List.of(new byte[783])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs 784 bytes")
        .hasMessageContaining("got 783");
    assertThatThrownBy(() -> it.run(List.of(new byte[784 * 2])))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void dynamicBatchIsTakenFromTheByteLength() throws Exception {
    Interpreter it = Interpreter.load(caseModel("mnist_cnn_dynamic_batch_int8"));
    byte[] one = new byte[784];
    byte[] three = new byte[784 * 3];
    assertThat(it.run(List.of(three)).get(0)).hasSize(30);
    assertThat(it.output(0).shape().toArray()).containsExactly(3, 10);
    assertThat(it.run(List.of(one)).get(0)).hasSize(10);
  }

  @Test
  void quantizeAndDequantizeUseScaleAndZeroPoint() throws Exception {
    Interpreter it = Interpreter.load(caseModel("mnist_cnn_float_io"));
    assertThat(it.input(0).type()).isEqualTo(TensorType.FLOAT32);
    Interpreter q = Interpreter.load(caseModel("mnist_cnn_int8"));
    TensorInfo in = q.input(0);
    float scale = in.scales().get(0);
    long zp = in.zeroPoints().get(0);
    float[] real = new float[784];
    real[0] = 2.5f * scale; // rounds half away from zero to 3 (2.5 -> 3)
    real[1] = 1e9f; // clamps
    real[2] = -1e9f;
    byte[] raw = q.quantizeInput(0, real);
    assertThat(raw[0]).isEqualTo((byte) (3 + zp));
    assertThat(raw[1]).isEqualTo((byte) 127);
    assertThat(raw[2]).isEqualTo((byte) -128);
    byte[] out = q.run(List.of(raw)).get(0);
    float[] probs = q.dequantizeOutput(0, out);
    float sum = 0;
    for (float p : probs) {
      sum += p;
    }
    assertThat(sum).isBetween(0.9f, 1.1f);
    assertThatThrownBy(() -> q.quantizeInput(0, new float[3]))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void arenaReusesMemoryOfDeadTensors() throws Exception {
    Model m = caseModel("mobilenetv2_035_96_int8");
    Interpreter it = Interpreter.load(m);
    long sum = 0;
    Plan plan =
        Planner.plan(
            m,
            new int[][] {m.mainSubgraph().inputTensor(0).shape().toArray()},
            InterpreterOptions.defaults());
    for (Slot s : plan.slots()) {
      if (!s.isConstant()) {
        sum += s.byteSize();
      }
    }
    assertThat(it.peakActivationBytes()).isPositive().isLessThan(sum / 3);
    assertThat(it.stepCount()).isEqualTo(m.mainSubgraph().operators().size());
  }

  @Test
  void constantSubgraphsAreEvaluatedAtLoad() throws Exception {
    Model m = caseModel("mnist_cnn_dynamic_batch_int8");
    Interpreter it = Interpreter.load(m);
    // SHAPE, STRIDED_SLICE and PACK only feed RESHAPE's shape: folded away
    assertThat(it.stepCount()).isLessThan(m.mainSubgraph().operators().size());
  }
}
