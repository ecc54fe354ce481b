package org.edgetpu4j.compiler.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.CheckFrozenGraph;
import org.edgetpu4j.compiler.pass.PassContext;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class GraphImporterTest {
  @Test
  void importsTheTf1FakeQuantGraphAndItPassesTheEmissionChecks(@TempDir Path dir) throws Exception {
    Path pb = dir.resolve("graph.pb");
    Files.write(pb, ConformanceCases.load("tf1_fakequant_int8").file("graph.pb"));
    ImportedGraph g =
        GraphImporter.frozenGraph(pb, List.of(InputSpec.parse("input")), List.of("output:0"), 1);
    assertThat(g.inputs()).containsExactly(new InputSpec("input", new long[] {1, 28, 28, 1}));
    assertThat(g.outputs()).containsExactly("output");
    assertThat(CheckFrozenGraph.problems(g.graph())).isEmpty();
  }

  @Test
  void fixesTheBatchToOneAndInfersInputsAndOutputs() {
    TfGraph g =
        new GraphBuilder()
            .placeholder("x", -1, 3)
            .op("Relu", "y", "x")
            .op("Relu", "dead", "x")
            .build();
    ImportedGraph imp = GraphImporter.frozenGraph(g, List.of(), List.of("y"), 1);
    assertThat(imp.inputs()).containsExactly(new InputSpec("x", new long[] {1, 3}));
    assertThat(imp.graph().has("dead")).isFalse();
    ImportedGraph explicit =
        GraphImporter.frozenGraph(g, List.of(InputSpec.parse("x:4,3")), List.of(), 1);
    assertThat(explicit.inputs()).containsExactly(new InputSpec("x", new long[] {4, 3}));
    assertThat(explicit.outputs()).containsExactlyInAnyOrder("y", "dead");
  }

  @Test
  void badNamesAndUnfrozenGraphsAreClearErrors() {
    TfGraph g = new GraphBuilder().placeholder("x", 1, 3).op("Relu", "y", "x").build();
    assertThatThrownBy(
            () -> GraphImporter.frozenGraph(g, List.of(InputSpec.parse("nope")), List.of("y"), 1))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("input 'nope' is not in the graph; placeholders are [x]");
    assertThatThrownBy(
            () -> GraphImporter.frozenGraph(g, List.of(InputSpec.parse("y")), List.of("y"), 1))
        .hasMessageContaining("node 'y' (Relu): an input must be a Placeholder");
    assertThatThrownBy(() -> GraphImporter.frozenGraph(g, List.of(), List.of("z"), 1))
        .hasMessageContaining("output 'z' is not in the graph");
    TfGraph unfrozen =
        new GraphBuilder()
            .placeholder("x", 1, 3)
            .variable("w", FloatTensor.of(new float[] {1, 2, 3}, 3))
            .op("Mul", "y", "x", "w")
            .build();
    assertThatThrownBy(() -> GraphImporter.frozenGraph(unfrozen, List.of(), List.of("y"), 1))
        .hasMessageContaining("node 'w' (VariableV2): the graph is not frozen");
  }

  @Test
  void importsAndFreezesASavedModel(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("saved");
    FloatTensor in = FloatTensor.of(new float[] {1, -2, 3}, 1, 3);
    FloatTensor expected;
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Operand<TFloat32> w = tf.withName("w").variable(tf.constant(new float[][] {{1}, {2}, {3}}));
      Operand<TFloat32> y = tf.withName("y").nn.relu(tf.linalg.matMul(x, w));
      try (TFloat32 xt = GraphRunner.toTensor(in);
          var r = s.runner().feed(x, xt).fetch(y).run()) {
        expected = GraphRunner.toFloat((TFloat32) r.get(0));
      }
      SavedModelBundle.exporter(model.toString())
          .withSession(s)
          .withSignature(Signature.builder().input("x", x).output("y", y).build())
          .export();
    }
    ImportedGraph imp = GraphImporter.savedModel(model, List.of(), List.of(), 1);
    assertThat(imp.inputs()).containsExactly(new InputSpec("x", new long[] {1, 3}));
    assertThat(imp.outputs()).containsExactly("y");
    assertThat(imp.graph().op("w")).isEqualTo("Const");
    FloatTensor got = GraphRunner.runOnce(imp.graph(), Map.of("x", in), List.of("y")).get(0);
    assertThat(got).isEqualTo(expected);
    assertThatThrownBy(() -> GraphImporter.savedModel(dir.resolve("none"), List.of(), List.of(), 1))
        .hasMessageContaining("is not a SavedModel directory");
  }

  @Test
  void emissionChecksNameEveryProblem() {
    TfGraph g =
        new GraphBuilder()
            .placeholder("x", 1, 2)
            .constant("w", FloatTensor.of(new float[] {Float.NaN, 1}, 2, 1))
            .constant("lo", FloatTensor.scalar(1f))
            .constant("hi", FloatTensor.scalar(1f))
            .node(org.edgetpu4j.compiler.graph.Nodes.fakeQuant("fq", "x", "lo", "hi", false, false))
            .matMul("mm", "fq", "w")
            .op("Erf", "erf", "mm")
            .placeholder("w2", 2, 1)
            .matMul("mm2", "x", "w2")
            .build();
    List<String> p = CheckFrozenGraph.problems(g);
    assertThat(p)
        .anyMatch(s -> s.startsWith("node 'w' (Const): constant holds NaN at element 0"))
        .anyMatch(
            s -> s.startsWith("node 'fq' (FakeQuantWithMinMaxVars): range min 1.0 >= max 1.0"))
        .anyMatch(s -> s.startsWith("node 'erf' (Erf): op type not supported; supported: ["))
        .anyMatch(s -> s.startsWith("node 'mm2' (MatMul): weight input 'w2' is not constant"));
    assertThatThrownBy(() -> new CheckFrozenGraph().apply(g, new PassContext()))
        .hasMessageContaining("4 problems");
    TfGraph dynamic = new GraphBuilder().placeholder("x", -1, 2).op("Relu", "r", "x").build();
    assertThat(CheckFrozenGraph.problems(dynamic))
        .anyMatch(s -> s.contains("node 'r' (Relu): output shape [-1, 2] is not static"));
  }
}
