package org.edgetpu4j.compiler.pass;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreezeVariablesTest {
  private static TfGraph model() {
    return new GraphBuilder()
        .placeholder("x", 1, 3)
        .variable("w", FloatTensor.of(new float[] {1, 2, 3}, 3))
        .op("Mul", "y", "x", "w")
        .build();
  }

  @Test
  void replacesVariablesWithSessionValuesAndDropsInitializers() {
    TfGraph g = model();
    try (GraphRunner live = new GraphRunner(g)) {
      live.run(Map.of("x", FloatTensor.of(new float[] {1, 1, 1}, 1, 3)), List.of("y"));
      PassContext ctx = new PassContext();
      TfGraph frozen = Fixtures.run(new FreezeVariables(VariableSource.of(live.session())), g, ctx);
      TfGraph expected =
          new GraphBuilder()
              .placeholder("x", 1, 3)
              .constant("w", FloatTensor.of(new float[] {1, 2, 3}, 3))
              .op("Mul", "y", "x", "w")
              .node(
                  org.edgetpu4j.compiler.graph.Nodes.constant(
                      "w/initial_value", FloatTensor.of(new float[] {1, 2, 3}, 3)))
              .build();
      assertThat(frozen.difference(expected)).isEmpty();
      assertThat(ctx.get("frozen")).isEqualTo(1);
      assertThat(Fixtures.maxDiff(g, frozen, Fixtures.input("x", 1, 1, 3), "y")).isEqualTo(0f);
    }
  }

  @Test
  void readsACheckpoint(@TempDir Path dir) throws Exception {
    TfGraph g = model();
    String prefix = dir.resolve("ckpt").toString();
    try (GraphRunner live = new GraphRunner(g)) {
      live.run(Map.of("x", FloatTensor.of(new float[] {1, 1, 1}, 1, 3)), List.of("y"));
      live.session().save(prefix);
    }
    assertThat(Files.list(dir)).isNotEmpty();
    TfGraph frozen = FreezeVariables.fromCheckpoint(prefix).apply(g, new PassContext());
    assertThat(frozen.constValue("w")).isEqualTo(FloatTensor.of(new float[] {1, 2, 3}, 3));
  }

  @Test
  void missingVariableIsAnErrorNamingIt() {
    assertThatThrownBy(
            () ->
                new FreezeVariables(name -> java.util.Optional.empty())
                    .apply(model(), new PassContext()))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("node 'w' (VariableV2)");
  }
}
