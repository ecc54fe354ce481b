package org.edgetpu4j.compiler.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.NodeDef;

class PassInfrastructureTest {
  @Test
  void passManagerPrintsVerifiesAndCounts() {
    List<String> printed = new ArrayList<>();
    PassManager.Result r =
        new PassManager()
            .add(FoldBatchNorm.eval())
            .add(new FoldConstants())
            .add(new Prune(List.of("conv/Relu")))
            .verifyEach(true)
            .printAfter("fold-batch-norm")
            .printTo(printed::add)
            .run(Fixtures.convBn().op("Relu", "unused", "x").build());
    assertThat(printed).hasSize(1);
    assertThat(printed.get(0))
        .startsWith("// after fold-batch-norm")
        .contains("conv/Conv2D_Fold = Conv2D(");
    assertThat(r.counters().get("fold-batch-norm")).containsEntry("folded", 1);
    assertThat(r.counters().get("prune")).containsEntry("removed", 1);
    assertThat(r.summary()).contains("fold-batch-norm: folded=1");
    assertThat(r.graph().op("conv/BatchNorm_Fold/mul_fold")).isEqualTo("Const");
  }

  @Test
  void verifierReportsDanglingInputsAndCycles() {
    TfGraph dangling = new GraphBuilder().op("Relu", "r", "missing").build();
    assertThatThrownBy(() -> GraphVerifier.verify(dangling))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("node 'r' (Relu) reads missing node 'missing'");
    TfGraph cycle = new GraphBuilder().op("Relu", "a", "b").op("Relu", "b", "a").build();
    assertThatThrownBy(() -> GraphVerifier.verify(cycle)).hasMessageContaining("cycle");
  }

  @Test
  void foldConstantsKeepsFakeQuantAndEvaluatesTheRest() {
    TfGraph g =
        new GraphBuilder()
            .placeholder("x", 2)
            .constant("a", FloatTensor.of(new float[] {1, 2}, 2))
            .constant("b", FloatTensor.of(new float[] {3, 4}, 2))
            .op("Mul", "ab", "a", "b")
            .op("Identity", "ab_read", "ab")
            .op("AddV2", "y", "x", "ab_read")
            .build();
    PassContext ctx = new PassContext();
    TfGraph after = Fixtures.run(new FoldConstants(), g, ctx);
    assertThat(after.op("ab_read")).isEqualTo("Const");
    assertThat(after.constValue("ab_read")).isEqualTo(FloatTensor.of(new float[] {3, 8}, 2));
    assertThat(after.has("ab")).isFalse();
    assertThat(after.has("a")).isFalse();
    assertThat(Fixtures.maxDiff(g, after, Map.of("x", FloatTensor.of(new float[] {1, 1}, 2)), "y"))
        .isEqualTo(0f);
  }

  @Test
  void setInputShapesFixesBatchAndRejectsDynamicDims() {
    TfGraph g = new GraphBuilder().placeholder("x", -1, 4).op("Relu", "r", "x").build();
    TfGraph after = SetInputShapes.batchOne().apply(g, new PassContext());
    assertThat(after.node("x").getAttrOrThrow("shape").getShape().getDim(0).getSize()).isEqualTo(1);
    TfGraph dyn = new GraphBuilder().placeholder("x", 1, -1).build();
    assertThatThrownBy(() -> SetInputShapes.batchOne().apply(dyn, new PassContext()))
        .hasMessageContaining("node 'x' (Placeholder)")
        .hasMessageContaining("not static");
    assertThatThrownBy(
            () -> new SetInputShapes(Map.of("nope", new long[] {1}), 1).apply(g, new PassContext()))
        .hasMessageContaining("'nope'");
  }

  @Test
  void placementCoversAddConcatAndInputs() {
    TfGraph g =
        new GraphBuilder()
            .placeholder("a", 1, 4)
            .placeholder("b", 1, 4)
            .op("AddV2", "sum", "a", "b")
            .op("Relu", "sum_relu", "sum")
            .ints("axis", new int[] {1})
            .node(
                org.edgetpu4j.compiler.graph.Nodes.floatOp(
                        "ConcatV2", "cat", "sum_relu", "a", "axis")
                    .putAttr("N", org.tensorflow.proto.AttrValue.newBuilder().setI(2).build())
                    .putAttr(
                        "Tidx",
                        org.edgetpu4j.compiler.graph.Nodes.type(
                            org.tensorflow.proto.DataType.DT_INT32))
                    .build())
            .build();
    var sites = QuantPlacement.find(g, true).activations();
    assertThat(sites)
        .extracting(QuantPlacement.ActivationSite::tensor)
        .containsExactlyInAnyOrder("a", "b", "sum_relu");
    assertThat(sites)
        .extracting(QuantPlacement.ActivationSite::fakeQuant)
        .containsExactlyInAnyOrder("a_quant", "b_quant", "sum/act_quant");
    for (NodeDef n : g.nodes()) {
      assertThat(n.getName()).isNotEmpty();
    }
  }

  @Test
  void quantizationRewritesAreIdempotent() {
    TfGraph folded = FoldBatchNorm.eval().apply(Fixtures.convBn().build(), new PassContext());
    for (Pass p :
        List.of(
            new InsertFakeQuantEval(true, true),
            new InsertFakeQuantTrain(true, true, 5, 0.9f),
            new InsertCalibratedFakeQuant(
                Map.of(
                    "x", new InsertCalibratedFakeQuant.Range(-1, 1),
                    "conv/Relu", new InsertCalibratedFakeQuant.Range(0, 4)),
                true,
                true))) {
      TfGraph once = p.apply(folded, new PassContext());
      PassContext ctx = new PassContext();
      TfGraph twice = p.apply(once, ctx);
      assertThat(twice.difference(once)).as(p.name()).isEmpty();
      assertThat(ctx.get("weights") + ctx.get("activations")).as(p.name()).isZero();
    }
  }
}
