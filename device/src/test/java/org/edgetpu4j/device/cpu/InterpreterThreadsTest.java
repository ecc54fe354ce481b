package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.edgetpu4j.device.cpu.node.Parallel;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Operators split over threads give the same bytes for every thread count. */
class InterpreterThreadsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "mobilenetv2_035_96_int8",
        "tf1_fakequant_uint8",
        "mnist_cnn_uint8",
        "op_conv_dilation2_int8",
        "op_conv_stride2_same_odd_int8",
        "op_depthwise_dm1_int8",
        "op_fc_bias_int8"
      })
  void everyThreadCountGivesTheSameOutputs(String name) throws Exception {
    // chunks of any size, so that even these small operators are split
    System.setProperty(Parallel.MIN_WORK_PROPERTY, "1");
    try {
      compareThreadCounts(name);
    } finally {
      System.clearProperty(Parallel.MIN_WORK_PROPERTY);
    }
  }

  private static void compareThreadCounts(String name) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    Model model = TfliteReader.read(c.model());
    for (ConformanceCases.Sample s : c.samples()) {
      List<byte[]> in = s.inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
      List<byte[]> one =
          Interpreter.load(model, InterpreterOptions.defaults().withThreads(1)).run(in);
      for (int threads : new int[] {2, 3, 5}) {
        Interpreter interpreter =
            Interpreter.load(model, InterpreterOptions.defaults().withThreads(threads));
        for (int repeat = 0; repeat < 3; repeat++) {
          List<byte[]> many = interpreter.run(in);
          assertThat(many).hasSameSizeAs(one);
          for (int i = 0; i < one.size(); i++) {
            assertThat(many.get(i))
                .as("%s threads=%d output %d", name, threads, i)
                .isEqualTo(one.get(i));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void aThreadCountBelowOneIsRefused(int threads) {
    assertThatThrownBy(() -> InterpreterOptions.defaults().withThreads(threads))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1");
  }
}
