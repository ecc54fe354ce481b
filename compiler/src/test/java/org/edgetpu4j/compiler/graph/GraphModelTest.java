package org.edgetpu4j.compiler.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;

class GraphModelTest {
  @Test
  void tensorNamesParseOutputIndexAndControlInputs() {
    assertThat(TensorName.parse("a/b")).isEqualTo(new TensorName("a/b", 0));
    assertThat(TensorName.parse("a/b:2")).isEqualTo(new TensorName("a/b", 2));
    assertThat(TensorName.parse("^a").isControl()).isTrue();
    assertThat(TensorName.parse("a:0").toString()).isEqualTo("a");
    assertThat(new TensorName("a", -1).toString()).isEqualTo("^a");
  }

  @Test
  void tensorProtosRoundTripAndExpandTheBroadcastForm() {
    FloatTensor t = FloatTensor.of(new float[] {1, -2.5f, 3, 4}, 2, 2);
    assertThat(TensorProtos.toFloat(TensorProtos.of(t))).isEqualTo(t);
    TensorProto splat =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorProtos.shape(3))
            .addFloatVal(7f)
            .build();
    assertThat(TensorProtos.toFloat(splat).values()).containsExactly(7f, 7f, 7f);
    assertThat(TensorProtos.toLongs(TensorProtos.ofInts(new int[] {5, -1}, 2)))
        .containsExactly(5, -1);
    assertThatThrownBy(() -> TensorProtos.toFloat(TensorProtos.ofLong(1)))
        .hasMessageContaining("expected a DT_FLOAT constant, found DT_INT64");
    assertThatThrownBy(() -> FloatTensor.of(new float[3], 2, 2)).hasMessageContaining("holds 4");
  }

  @Test
  void editorReroutesAndBuildsANewGraph() {
    TfGraph g =
        new GraphBuilder()
            .placeholder("x", 1)
            .op("Relu", "a", "x")
            .op("Relu", "b", "a")
            .op("AddV2", "c", "a", "b")
            .build();
    GraphEditor e = g.edit();
    e.add(Nodes.floatOp("Neg", "n", "a").build());
    assertThat(e.reroute("a", "n", Set.of("n", "b"))).isEqualTo(1);
    TfGraph out = e.build();
    assertThat(out.node("c").getInputList()).containsExactly("n", "b");
    assertThat(g.node("c").getInputList()).containsExactly("a", "b");
    assertThat(out.dataConsumers("a")).extracting(n -> n.getName()).containsExactly("b", "n");
    assertThat(e.uniqueName("a")).isEqualTo("a_1");
    assertThat(out.difference(g)).contains("only in this graph: n = Neg(a)").contains("differs:");
    assertThatThrownBy(() -> e.add(Nodes.floatOp("Neg", "n", "a").build()))
        .hasMessageContaining("node 'n' (Neg): a node with this name already exists");
  }

  @Test
  void unreadableGraphIsAClearError() {
    assertThatThrownBy(() -> TfGraph.parse(new byte[] {1, 2, 3}))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("not a serialized GraphDef");
  }
}
