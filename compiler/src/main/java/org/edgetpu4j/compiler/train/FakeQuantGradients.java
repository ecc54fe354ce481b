package org.edgetpu4j.compiler.train;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxArgs;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxArgsGradient;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVars;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsGradient;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsPerChannel;
import org.tensorflow.op.quantization.FakeQuantWithMinMaxVarsPerChannelGradient;
import org.tensorflow.types.TFloat32;

/**
 * Registers the gradients TensorFlow Java's C++ registry lacks: the straight-through estimator for
 * the three FakeQuant ops (the gradient passes where the input lies inside the nudged range; the
 * range inputs receive the sums outside it) and SparseSoftmaxCrossEntropyWithLogits. Registration
 * is process-wide and idempotent; call {@link #register()} before {@code Graph.addGradients}.
 */
public final class FakeQuantGradients {
  private static boolean registered;

  private FakeQuantGradients() {}

  /** Registers the gradients once per process. */
  @SuppressWarnings("unchecked")
  public static synchronized void register() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient(
        FakeQuantWithMinMaxVars.Inputs.class,
        (tf, op, grads) -> {
          FakeQuantWithMinMaxVarsGradient g =
              tf.quantization.fakeQuantWithMinMaxVarsGradient(
                  (Operand<TFloat32>) grads.get(0),
                  op.inputs,
                  op.min,
                  op.max,
                  FakeQuantWithMinMaxVarsGradient.numBits(op.numBits),
                  FakeQuantWithMinMaxVarsGradient.narrowRange(op.narrowRange));
          return List.of(g.backpropsWrtInput(), g.backpropWrtMin(), g.backpropWrtMax());
        });
    TensorFlow.registerCustomGradient(
        FakeQuantWithMinMaxVarsPerChannel.Inputs.class,
        (tf, op, grads) -> {
          FakeQuantWithMinMaxVarsPerChannelGradient g =
              tf.quantization.fakeQuantWithMinMaxVarsPerChannelGradient(
                  (Operand<TFloat32>) grads.get(0),
                  op.inputs,
                  op.min,
                  op.max,
                  FakeQuantWithMinMaxVarsPerChannelGradient.numBits(op.numBits),
                  FakeQuantWithMinMaxVarsPerChannelGradient.narrowRange(op.narrowRange));
          return List.of(g.backpropsWrtInput(), g.backpropWrtMin(), g.backpropWrtMax());
        });
    TensorFlow.registerCustomGradient(
        FakeQuantWithMinMaxArgs.Inputs.class,
        (tf, op, grads) ->
            List.of(
                tf.quantization.fakeQuantWithMinMaxArgsGradient(
                    (Operand<TFloat32>) grads.get(0),
                    op.inputs,
                    FakeQuantWithMinMaxArgsGradient.min(op.min),
                    FakeQuantWithMinMaxArgsGradient.max(op.max),
                    FakeQuantWithMinMaxArgsGradient.numBits(op.numBits),
                    FakeQuantWithMinMaxArgsGradient.narrowRange(op.narrowRange))));
    TensorFlow.registerCustomGradient(
        "SparseSoftmaxCrossEntropyWithLogits",
        (tf, op, grads) -> {
          Operand<TFloat32> g =
              tf.math.mul(
                  tf.expandDims((Operand<TFloat32>) grads.get(0), tf.constant(-1)),
                  (Operand<TFloat32>) (Operand<?>) op.output(1));
          return Arrays.asList(g, tf.zerosLike(op.input(1)));
        });
    registered = true;
  }
}
