package org.edgetpu4j.examples.mnist;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * A LeNet-style digit classifier with batch norm, written with TensorFlow Java ops: the inference
 * path only (input {@code image [-1, H, W, 1]} in [0, 1], output {@code logits [-1, 10]}), with its
 * variables initialised from a seed or from trained values. The training rewrites add what training
 * needs.
 *
 * <pre>
 * conv 5x5x8 SAME + BN + ReLU, max-pool 2x2
 * conv 5x5x16 VALID + BN + ReLU, max-pool 2x2
 * dense -> 64 + ReLU, dense 64 -> 10
 * </pre>
 */
public final class LeNetModel {
  /** Input placeholder name. */
  public static final String INPUT = "image";

  /** Output node name. */
  public static final String OUTPUT = "logits";

  /** The model's variables. */
  public static final List<String> VARIABLES =
      List.of(
          "conv1/weights",
          "conv1/gamma",
          "conv1/beta",
          "conv1/moving_mean",
          "conv1/moving_variance",
          "conv2/weights",
          "conv2/gamma",
          "conv2/beta",
          "conv2/moving_mean",
          "conv2/moving_variance",
          "fc1/weights",
          "fc1/biases",
          "fc2/weights",
          "fc2/biases");

  private final Random rnd;
  private final Map<String, float[]> initial;

  private LeNetModel(long seed, Map<String, float[]> initial) {
    this.rnd = new Random(seed);
    this.initial = initial;
  }

  /** The model for {@code height}×{@code width} grey images, weights drawn from {@code seed}. */
  public static GraphDef build(int height, int width, long seed) {
    return build(height, width, seed, Map.of());
  }

  /**
   * The model with the variables named in {@code initial} (names as in {@link #VARIABLES}) starting
   * from those values, to fine-tune a trained model; the others are drawn from {@code seed}.
   */
  public static GraphDef build(int height, int width, long seed, Map<String, float[]> initial) {
    return new LeNetModel(seed, initial).graph(height, width);
  }

  private GraphDef graph(int height, int width) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.withName(INPUT)
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 1)));
      x = convBnRelu(tf.withSubScope("conv1"), "conv1", x, 1, 8, "SAME");
      x = maxPool(g, tf, x, "pool1");
      x = convBnRelu(tf.withSubScope("conv2"), "conv2", x, 8, 16, "VALID");
      x = maxPool(g, tf, x, "pool2");
      int flat = 16 * ((height / 2 - 4) / 2) * ((width / 2 - 4) / 2);
      Ops f = tf.withSubScope("flatten");
      x = f.withName("Reshape").reshape(x, f.constant(new int[] {-1, flat}));
      x =
          tf.withSubScope("fc1_act")
              .withName("Relu")
              .nn
              .relu(dense(tf.withSubScope("fc1"), "fc1", x, flat, 64));
      tf.withName(OUTPUT).identity(dense(tf.withSubScope("fc2"), "fc2", x, 64, 10));
      return g.toGraphDef();
    }
  }

  private Operand<TFloat32> convBnRelu(
      Ops s, String scope, Operand<TFloat32> x, int cin, int cout, String padding) {
    int k = 5;
    Operand<TFloat32> w =
        var(s, scope, "weights", normal(s, Math.sqrt(2.0 / (k * k * cin)), k, k, cin, cout));
    Operand<TFloat32> conv = s.withName("Conv2D").nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), padding);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        s.withName("BatchNorm")
            .nn
            .fusedBatchNorm(
                conv,
                var(s, scope, "gamma", fill(s, 1f, cout)),
                var(s, scope, "beta", fill(s, 0f, cout)),
                var(s, scope, "moving_mean", fill(s, 0f, cout)),
                var(s, scope, "moving_variance", fill(s, 1f, cout)),
                FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.isTraining(false));
    return s.withName("Relu").nn.relu(bn.y());
  }

  private Operand<TFloat32> dense(Ops s, String scope, Operand<TFloat32> x, int in, int out) {
    Operand<TFloat32> w = var(s, scope, "weights", normal(s, Math.sqrt(2.0 / in), in, out));
    Operand<TFloat32> b = var(s, scope, "biases", fill(s, 0f, out));
    return s.withName("BiasAdd").nn.biasAdd(s.withName("MatMul").linalg.matMul(x, w), b);
  }

  /** A variable starting from its trained values when given, else from {@code init}. */
  private Operand<TFloat32> var(Ops s, String scope, String name, Operand<TFloat32> init) {
    float[] trained = initial.get(scope + "/" + name);
    if (trained == null) {
      return s.withName(name).variable(init);
    }
    Shape shape = init.shape();
    if (trained.length != shape.size()) {
      throw new IllegalArgumentException(
          scope + "/" + name + ": " + trained.length + " values for shape " + shape);
    }
    return s.withName(name).variable(s.constant(shape, DataBuffers.of(trained)));
  }

  /** MaxPool with ksize/strides as attributes (the op every converter knows). */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> maxPool(Graph g, Ops tf, Operand<TFloat32> x, String name) {
    return (Output<TFloat32>)
        (Output<?>)
            g.opBuilder("MaxPool", name + "/MaxPool", tf.scope())
                .addInput(x.asOutput())
                .setAttr("ksize", new long[] {1, 2, 2, 1})
                .setAttr("strides", new long[] {1, 2, 2, 1})
                .setAttr("padding", "VALID")
                .setAttr("T", DataType.DT_FLOAT)
                .build()
                .output(0);
  }

  private Operand<TFloat32> normal(Ops s, double std, long... shape) {
    float[] v = new float[Math.toIntExact(Shape.of(shape).size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextGaussian() * std);
    }
    return s.constant(Shape.of(shape), DataBuffers.of(v));
  }

  private static Operand<TFloat32> fill(Ops s, float value, int n) {
    float[] v = new float[n];
    Arrays.fill(v, value);
    return s.constant(v);
  }
}
