package org.edgetpu4j.compiler.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.edgetpu4j.compiler.graph.GraphException;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class QuantizationAwareTrainingTest {
  @Test
  void trainableVariablesExcludeBatchNormStatisticsAndRanges() {
    try (TrainingGraph tg =
        QuantizationAwareTraining.createTrainingGraph(LeNet.model(1), QatConfig.defaults())) {
      assertThat(tg.trainableVariables())
          .contains("conv1/weights", "conv1/gamma", "conv1/beta", "fc2/biases")
          .doesNotContain("conv1/moving_mean", "conv1/moving_variance")
          .noneMatch(v -> v.contains("_quant") || v.startsWith("fake_quantization_step"));
      assertThat(tg.graph().operation("conv1/act_quant")).isNotNull();
    }
  }

  @Test
  void aModelWithOptimizerOpsIsRejected() {
    org.tensorflow.proto.GraphDef model;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.constant(1f));
      tf.withName("step").train.applyGradientDescent(w, tf.constant(0.1f), tf.constant(1f));
      model = g.toGraphDef();
    }
    assertThatThrownBy(
            () -> QuantizationAwareTraining.createTrainingGraph(model, QatConfig.defaults()))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("node 'step' (ApplyGradientDescent): training op found");
  }

  @Test
  void configRejectsBadValues() {
    assertThatThrownBy(() -> QatConfig.defaults().withQuantDelay(-1)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> QatConfig.defaults().withEmaDecay(1f)).hasMessageContaining("[0, 1)");
    assertThat(QatConfig.defaults().withPerTensorWeights(true).perChannel()).isFalse();
  }
}
