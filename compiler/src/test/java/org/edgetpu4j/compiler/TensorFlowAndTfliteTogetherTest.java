package org.edgetpu4j.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.tflite.testing.TfliteOracle;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** TensorFlow Java and the TFLite oracle share one JavaCPP and run in the same JVM. */
class TensorFlowAndTfliteTogetherTest {
  @Test
  void bothRuntimesWorkInOneProcess() throws Exception {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var sum = tf.math.add(tf.constant(2f), tf.constant(3f));
      try (TFloat32 out = (TFloat32) s.runner().fetch(sum).run().get(0)) {
        assertThat(out.getFloat()).isEqualTo(5f);
      }
    }
    ConformanceCases.Case c = ConformanceCases.load("op_relu6_int8");
    ConformanceCases.Sample sample = c.samples().get(0);
    try (TfliteOracle tflite = TfliteOracle.load(c.model(), false)) {
      byte[] out =
          tflite
              .run(List.of(sample.inputs().get(0).bytes()), List.of(sample.inputs().get(0).shape()))
              .get(0);
      assertThat(out).isEqualTo(sample.outputs().get(0).bytes());
    }
  }
}
