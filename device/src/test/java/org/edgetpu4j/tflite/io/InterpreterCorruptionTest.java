package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

/**
 * Semantically broken models (the tflite module's corruption catalogue applied to real models) are
 * refused with {@link ModelRefusedException} or run; nothing else escapes the interpreter.
 */
class InterpreterCorruptionTest {
  @Test
  void brokenModelsAreRefusedOrRunButNeverCrash() throws Exception {
    List<String> escaped = new ArrayList<>();
    int refused = 0;
    for (String name :
        List.of(
            "mnist_cnn_int8",
            "op_add_mul_two_inputs_int8",
            "op_concat_int8",
            "mnist_cnn_float32",
            "op_transpose_conv_int8",
            "op_strided_slice_int8")) {
      Model good = TfliteReader.read(ConformanceCases.load(name).model());
      for (SemanticCorruption c : SemanticCorruption.values()) {
        Model bad = c.apply(good);
        if (bad == null) {
          continue;
        }
        try {
          Interpreter it = Interpreter.load(bad);
          List<byte[]> in = new ArrayList<>();
          for (int i = 0; i < it.inputCount(); i++) {
            in.add(new byte[it.input(i).byteSize()]);
          }
          it.run(in);
        } catch (ModelRefusedException | InvalidInputException e) {
          refused++;
          assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
          escaped.add(name + " " + c + ": " + e);
        }
      }
    }
    assertThat(escaped).isEmpty();
    assertThat(refused).isPositive();
  }
}
