package org.edgetpu4j.device.cpu.kernels.elementwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.InterpreterOptions;
import org.edgetpu4j.device.cpu.Limits;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.api.Test;

/** Broadcast index maps are charged to the load's budget before they are built. */
class IndexingTest {
  private static Model broadcastTo() throws Exception {
    // BROADCAST_TO float32 [3, 1] -> [2, 3, 4]: one index map of 24 ints (96 bytes)
    return TfliteReader.read(
        Path.of(IndexingTest.class.getResource("/opcases/broadcast_to_f32/model.tflite").toURI()));
  }

  @Test
  void loadsWithinTheBudget() throws Exception {
    assertThat(Interpreter.load(broadcastTo()).output(0).byteSize()).isEqualTo(24 * 4);
  }

  @Test
  void refusesAMapLargerThanTheScratchBudget() throws Exception {
    Limits tight = new Limits(1 << 20, 64, 1 << 20, 1L << 30);
    InterpreterOptions options = InterpreterOptions.defaults().withLimits(tight);
    assertThatThrownBy(() -> Interpreter.load(broadcastTo(), options))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("BROADCAST_TO")
        .hasMessageContaining("broadcast index map");
  }
}
