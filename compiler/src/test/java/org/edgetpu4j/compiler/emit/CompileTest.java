package org.edgetpu4j.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** Compilation with validation, runtime metadata and target runtimes. */
class CompileTest {
  private static final EmitOptions TF1 =
      EmitOptions.of(
          List.of(new EmitOptions.IoSpec("input", new long[] {1, 28, 28, 1})), List.of("output"));

  private static GraphDef tf1() throws Exception {
    return GraphDef.parseFrom(ConformanceCases.load("tf1_fakequant_int8").file("graph.pb"));
  }

  @Test
  void compiledModelIsEdgeTpuReadyAndRecordsItsMinimumRuntime() throws Exception {
    Compiled c = TfliteEmitter.compile(tf1(), TF1);
    assertThat(c.report().edgetpuCompatible()).as(c.report().findings().toString()).isTrue();
    assertThat(c.report().findings("OP_VERSION_MISMATCH")).isEmpty();
    assertThat(c.model().minRuntimeVersion()).contains(c.report().minRuntimeVersion());
    assertThat(c.report().minRuntimeVersion()).isEqualTo("1.14.0");
    assertThat(c.model().mainSubgraph().inputTensor(0).type()).isEqualTo(TensorType.UINT8);
  }

  @Test
  void anOldTargetRuntimeGetsTheLegacyUint8Scheme() throws Exception {
    Compiled c = TfliteEmitter.compile(tf1(), TF1.withTargetRuntime("1.13.1"));
    assertThat(c.report().loadsOnTarget()).isTrue();
    var ops = c.model().mainSubgraph().operators();
    assertThat(ops).allSatisfy(op -> assertThat(c.model().opcode(op).version()).isEqualTo(1));
    assertThat(c.model().mainSubgraph().tensor(ops.get(0).output(0)).type())
        .isEqualTo(TensorType.UINT8);
  }

  @Test
  void anOpNoEncodingOfWhichLoadsIsNamed() throws Exception {
    GraphDef def;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 4, 4, 1)));
      var xq = tf.quantization.fakeQuantWithMinMaxVars(x, tf.constant(0f), tf.constant(1f));
      var y =
          tf.image.resizeBilinear(
              xq, tf.constant(new int[] {8, 8}), ResizeBilinear.halfPixelCenters(true));
      tf.withName("out").identity(y);
      def = g.toGraphDef();
    }
    EmitOptions options =
        EmitOptions.of(List.of(EmitOptions.IoSpec.named("x")), List.of("out"))
            .withTargetRuntime("1.13.1");
    assertThatThrownBy(() -> TfliteEmitter.compile(def, options))
        .hasMessageContaining("no encoding of this graph loads on TFLite 1.13.1")
        .hasMessageContaining("RESIZE_BILINEAR");
    assertThatThrownBy(() -> TfliteEmitter.compile(def, options.withTargetRuntime("one")))
        .hasMessageContaining("target runtime 'one'");
  }
}
