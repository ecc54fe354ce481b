package org.edgetpu4j.compiler.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.importer.GraphImporter;
import org.edgetpu4j.compiler.pass.CheckFrozenGraph;
import org.edgetpu4j.compiler.pass.FoldBatchNorm;
import org.edgetpu4j.compiler.pass.FoldConstants;
import org.edgetpu4j.compiler.pass.FreezeVariables;
import org.edgetpu4j.compiler.pass.InsertFakeQuantEval;
import org.edgetpu4j.compiler.pass.InsertFakeQuantTrain;
import org.edgetpu4j.compiler.pass.ModelBiasQuantization;
import org.edgetpu4j.compiler.pass.PassManager;
import org.edgetpu4j.compiler.pass.Prune;
import org.edgetpu4j.compiler.pass.VariableSource;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The library entry points for quantization-aware training in TensorFlow Java.
 *
 * <p>The model is a GraphDef of the inference path only (inputs to logits, batch norm as
 * FusedBatchNorm[V3] over variables), typically {@code graph.toGraphDef()} of a graph built with
 * {@code Ops}. {@link #createTrainingGraph} rewrites it (training batch-norm folding, fake-quant
 * nodes) and imports it into a new graph; add the loss and {@link TrainableOptimizer#adam} there
 * and train. {@link #exportFrozenEvalGraph} then builds the eval rewrite of the same model and
 * freezes it with the trained values: the frozen GraphDef the TFLite emitter takes.
 */
public final class QuantizationAwareTraining {
  private QuantizationAwareTraining() {}

  /** The training graph: batch norm folded for training, then fake-quant nodes inserted. */
  public static TrainingGraph createTrainingGraph(GraphDef model, QatConfig config) {
    FakeQuantGradients.register();
    TfGraph g = TfGraph.of(model);
    checkNoTrainingOps(g);
    TfGraph rewritten =
        new PassManager()
            .add(FoldBatchNorm.training(config.batchNormMomentum(), config.freezeBatchNormDelay()))
            .add(
                new InsertFakeQuantTrain(
                    config.perChannel(),
                    config.quantizeInputs(),
                    config.quantDelay(),
                    config.emaDecay()))
            .run(g)
            .graph();
    return new TrainingGraph(rewritten, trainableVariables(g));
  }

  /**
   * A float training graph: batch norm with batch statistics and moving averages, no quantization.
   */
  public static TrainingGraph createFloatTrainingGraph(GraphDef model, float batchNormMomentum) {
    FakeQuantGradients.register();
    TfGraph g = TfGraph.of(model);
    TfGraph rewritten =
        new PassManager()
            .add(FoldBatchNorm.training(batchNormMomentum, Long.MAX_VALUE))
            .run(g)
            .graph();
    return new TrainingGraph(rewritten, trainableVariables(g));
  }

  /** The eval rewrite (not frozen): eval batch-norm folding and fake-quant with range variables. */
  public static TfGraph createEvalGraph(GraphDef model, QatConfig config) {
    return new PassManager()
        .add(FoldBatchNorm.eval())
        .add(new InsertFakeQuantEval(config.perChannel(), config.quantizeInputs()))
        .run(TfGraph.of(model))
        .graph();
  }

  /**
   * The frozen eval graph: eval rewrite of {@code model}, pruned to {@code outputs}, variables
   * (weights, batch-norm statistics, activation ranges) read from the training session, constant
   * subgraphs evaluated, biases rounded to the int32 grid. Inputs keep their batch dimension;
   * {@link #forEmission} fixes it to 1.
   */
  public static TfGraph exportFrozenEvalGraph(
      GraphDef model, QatConfig config, Session trainingSession, List<String> outputs) {
    return evalExportPasses(config, trainingSession, outputs).run(TfGraph.of(model)).graph();
  }

  /**
   * The passes of {@link #exportFrozenEvalGraph}, for callers that want to print or verify the
   * graph after each pass or read the counters.
   */
  public static PassManager evalExportPasses(
      QatConfig config, Session trainingSession, List<String> outputs) {
    return new PassManager()
        .add(new Prune(outputs))
        .add(FoldBatchNorm.eval())
        .add(new InsertFakeQuantEval(config.perChannel(), config.quantizeInputs()))
        .add(new Prune(outputs))
        .add(new FreezeVariables(VariableSource.of(trainingSession)))
        .add(new FoldConstants())
        .add(new ModelBiasQuantization());
  }

  /** The frozen float graph: batch norm folded with moving statistics, no quantization. */
  public static TfGraph exportFrozenFloatGraph(
      GraphDef model, Session trainingSession, List<String> outputs) {
    return new PassManager()
        .add(new Prune(outputs))
        .add(FoldBatchNorm.eval())
        .add(new FreezeVariables(VariableSource.of(trainingSession)))
        .add(new FoldConstants())
        .run(TfGraph.of(model))
        .graph();
  }

  /**
   * A frozen graph as the TFLite emitter takes it: inputs with batch 1, pruned to {@code outputs},
   * checked by {@code check-frozen-graph}.
   */
  public static TfGraph forEmission(TfGraph frozen, List<String> outputs) {
    TfGraph g = GraphImporter.frozenGraph(frozen, List.of(), outputs, 1).graph();
    return new CheckFrozenGraph().apply(g, new org.edgetpu4j.compiler.pass.PassContext());
  }

  /** Rejects models that already hold optimizer ops: the rewrite must come before them. */
  static void checkNoTrainingOps(TfGraph g) {
    for (NodeDef n : g.nodes()) {
      if (n.getOp().startsWith("Apply") || n.getOp().startsWith("ResourceApply")) {
        throw GraphException.at(
            n.getName(),
            n.getOp(),
            "training op found; create the training graph before adding the optimizer");
      }
    }
  }

  /** The model's variables minus batch-norm moving statistics. */
  static List<String> trainableVariables(TfGraph g) {
    Set<String> stats = new HashSet<>();
    for (NodeDef n : g.nodes()) {
      if (n.getOp().startsWith("FusedBatchNorm")) {
        for (int i = 3; i <= 4; i++) {
          NodeDef v = g.producer(n.getInput(i));
          while (v.getOp().equals("Identity")) {
            v = g.producer(v.getInput(0));
          }
          stats.add(v.getName());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (NodeDef n : g.nodes()) {
      if (n.getOp().equals("VariableV2") && !stats.contains(n.getName())) {
        out.add(n.getName());
      }
    }
    return out;
  }
}
