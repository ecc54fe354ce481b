package org.edgetpu4j.compiler.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** Graphs the emitter must refuse, with a message naming the node and what was expected. */
class EmitterErrorsTest {
  private static EmitOptions options(long... shape) {
    return new EmitOptions(
        List.of(new EmitOptions.IoSpec("x", shape.length == 0 ? null : shape)),
        List.of("out"),
        EmitOptions.Precision.INT8,
        EmitOptions.IoType.INT8,
        Optional.empty());
  }

  private interface Body {
    Operand<TFloat32> build(Ops tf, Operand<TFloat32> x);
  }

  private static GraphDef graph(Shape input, Body body) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(input));
      var xq = tf.quantization.fakeQuantWithMinMaxVars(x, tf.constant(-1f), tf.constant(1f));
      var y = body.build(tf, xq);
      tf.withName("out").identity(y);
      return g.toGraphDef();
    }
  }

  private static Operand<TFloat32> fq(Ops tf, Operand<TFloat32> y, float min, float max) {
    return tf.quantization.fakeQuantWithMinMaxVars(y, tf.constant(min), tf.constant(max));
  }

  @Test
  void unsupportedOpNamesTheNodeAndTheSupportedOps() {
    GraphDef def = graph(Shape.of(1, 4), (tf, x) -> fq(tf, tf.math.exp(x), 0, 3));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .isInstanceOf(CompileException.class)
        .hasMessageContaining("(Exp) is not supported")
        .hasMessageContaining("Conv2D");
  }

  @Test
  void emptyOrInvertedRangeIsRefused() {
    GraphDef def = graph(Shape.of(1, 4), (tf, x) -> fq(tf, tf.math.add(x, x), 2, 2));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .hasMessageContaining("has range [2.0, 2.0]")
        .hasMessageContaining("expected finite min < max");
  }

  @Test
  void missingRangeIsRefused() {
    GraphDef def = graph(Shape.of(1, 4), (tf, x) -> tf.math.add(x, x));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .hasMessageContaining("(Add) has no FakeQuant on its output");
  }

  @Test
  void nonFiniteWeightsAreRefused() {
    GraphDef def =
        graph(
            Shape.of(1, 2),
            (tf, x) ->
                fq(
                    tf,
                    tf.linalg.matMul(x, tf.constant(new float[][] {{1f, Float.NaN}, {0f, 1f}})),
                    -1,
                    1));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .hasMessageContaining("(MatMul)")
        .hasMessageContaining("contain NaN");
  }

  @Test
  void nonConstantWeightsAreRefused() {
    GraphDef def =
        graph(
            Shape.of(1, 2),
            (tf, x) ->
                fq(
                    tf,
                    tf.linalg.matMul(
                        x,
                        tf.reshape(
                            tf.concat(List.of(x, x), tf.constant(0)),
                            tf.constant(new int[] {2, 2}))),
                    -1,
                    1));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .hasMessageContaining("are not constant; freeze the graph");
  }

  @Test
  void dynamicShapesMustBeMadeStatic() {
    GraphDef def = graph(Shape.of(-1, -1), (tf, x) -> fq(tf, tf.math.add(x, x), -2, 2));
    assertThatThrownBy(() -> TfliteEmitter.emit(def, options()))
        .hasMessageContaining("unknown dimension 1")
        .hasMessageContaining("--inputs x:1,H,W,C");
    // with a static shape given, the same graph compiles
    assertThat(catchModel(def, options(1, 4))).isTrue();
  }

  @Test
  void asymmetricInt8WeightsAreRefusedButCompileAsUint8() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("tf1_fakequant_int8_asymmetric_weights");
    GraphDef def = GraphDef.parseFrom(c.file("graph.pb"));
    EmitOptions int8 =
        new EmitOptions(
            List.of(new EmitOptions.IoSpec("input", new long[] {1, 28, 28, 1})),
            List.of("output"),
            EmitOptions.Precision.INT8,
            EmitOptions.IoType.INT8,
            Optional.empty());
    assertThatThrownBy(() -> TfliteEmitter.emit(def, int8))
        .hasMessageContaining("int8 weights need zero point 0")
        .hasMessageContaining("(Conv2D)");
    assertThat(
            catchModel(
                def,
                int8.withPrecision(EmitOptions.Precision.UINT8)
                    .withIoType(EmitOptions.IoType.UINT8)))
        .isTrue();
  }

  @Test
  void unknownNodesAreNamed() {
    GraphDef def = graph(Shape.of(1, 4), (tf, x) -> fq(tf, tf.math.add(x, x), -2, 2));
    EmitOptions wrong =
        new EmitOptions(
            List.of(EmitOptions.IoSpec.named("y")),
            List.of("out"),
            EmitOptions.Precision.INT8,
            EmitOptions.IoType.INT8,
            Optional.empty());
    assertThatThrownBy(() -> TfliteEmitter.emit(def, wrong)).hasMessageContaining("no node 'y'");
  }

  private static boolean catchModel(GraphDef def, EmitOptions options) {
    try {
      return TfliteEmitter.emit(def, options) != null;
    } catch (CompileException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
