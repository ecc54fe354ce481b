package org.edgetpu4j.examples.mnist;

import java.util.Arrays;
import java.util.List;
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
 * path only (input {@code image [-1, 28, 28, 1]} in [0, 1], output {@code logits [-1, 10]}), with
 * its variables initialised from a seed. The training rewrites add what training needs.
 *
 * <pre>
 * conv 5x5x8 SAME + BN + ReLU, max-pool 2x2
 * conv 5x5x16 VALID + BN + ReLU, max-pool 2x2
 * dense 400 -> 64 + ReLU, dense 64 -> 10
 * </pre>
 */
public final class LeNetModel {
  /** Input placeholder name. */
  public static final String INPUT = "image";

  /** Output node name. */
  public static final String OUTPUT = "logits";

  private LeNetModel() {}

  /** The model for {@code height}×{@code width} grey images, weights drawn from {@code seed}. */
  public static GraphDef build(int height, int width, long seed) {
    Random rnd = new Random(seed);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.withName(INPUT)
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 1)));
      x = convBnRelu(tf.withSubScope("conv1"), x, 5, 1, 8, "SAME", rnd);
      x = maxPool(g, tf, x, "pool1");
      x = convBnRelu(tf.withSubScope("conv2"), x, 5, 8, 16, "VALID", rnd);
      x = maxPool(g, tf, x, "pool2");
      int flat = 16 * ((height / 2 - 4) / 2) * ((width / 2 - 4) / 2);
      Ops f = tf.withSubScope("flatten");
      x = f.withName("Reshape").reshape(x, f.constant(new int[] {-1, flat}));
      x =
          tf.withSubScope("fc1_act")
              .withName("Relu")
              .nn
              .relu(dense(tf.withSubScope("fc1"), x, flat, 64, rnd));
      tf.withName(OUTPUT).identity(dense(tf.withSubScope("fc2"), x, 64, 10, rnd));
      return g.toGraphDef();
    }
  }

  private static Operand<TFloat32> convBnRelu(
      Ops s, Operand<TFloat32> x, int k, int cin, int cout, String padding, Random rnd) {
    Operand<TFloat32> w =
        s.withName("weights")
            .variable(normal(s, rnd, Math.sqrt(2.0 / (k * k * cin)), k, k, cin, cout));
    Operand<TFloat32> conv = s.withName("Conv2D").nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), padding);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        s.withName("BatchNorm")
            .nn
            .fusedBatchNorm(
                conv,
                s.withName("gamma").variable(fill(s, 1f, cout)),
                s.withName("beta").variable(fill(s, 0f, cout)),
                s.withName("moving_mean").variable(fill(s, 0f, cout)),
                s.withName("moving_variance").variable(fill(s, 1f, cout)),
                FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.isTraining(false));
    return s.withName("Relu").nn.relu(bn.y());
  }

  private static Operand<TFloat32> dense(Ops s, Operand<TFloat32> x, int in, int out, Random rnd) {
    Operand<TFloat32> w =
        s.withName("weights").variable(normal(s, rnd, Math.sqrt(2.0 / in), in, out));
    Operand<TFloat32> b = s.withName("biases").variable(fill(s, 0f, out));
    return s.withName("BiasAdd").nn.biasAdd(s.withName("MatMul").linalg.matMul(x, w), b);
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

  private static Operand<TFloat32> normal(Ops s, Random rnd, double std, long... shape) {
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
