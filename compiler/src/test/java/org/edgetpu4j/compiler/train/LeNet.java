package org.edgetpu4j.compiler.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import org.edgetpu4j.compiler.calibrate.IdxImages;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * Test fixture: a LeNet-style CNN with batch norm built with TensorFlow Java ops (inference path
 * only, input {@code input [-1,28,28,1]}, output {@code logits}), and the MNIST test subset.
 */
public final class LeNet {
  /** Input placeholder name. */
  public static final String INPUT = "input";

  /** Output node name. */
  public static final String OUTPUT = "logits";

  private LeNet() {}

  /** The model GraphDef with seeded initial weights. */
  public static GraphDef model(long seed) {
    Random rnd = new Random(seed);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.withName(INPUT)
              .placeholder(
                  TFloat32.class,
                  org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, 28, 28, 1)));
      x = convBn(tf.withSubScope("conv1"), x, 5, 1, 8, "SAME", rnd);
      x = pool(g, tf, x, "pool1");
      x = convBn(tf.withSubScope("conv2"), x, 5, 8, 16, "VALID", rnd);
      x = pool(g, tf, x, "pool2");
      Ops flat = tf.withSubScope("flatten");
      x = flat.withName("Reshape").reshape(x, flat.constant(new int[] {-1, 400}));
      x =
          tf.withSubScope("fc1_act")
              .withName("Relu")
              .nn
              .relu(dense(tf.withSubScope("fc1"), x, 400, 64, rnd));
      Operand<TFloat32> logits = dense(tf.withSubScope("fc2"), x, 64, 10, rnd);
      tf.withName(OUTPUT).identity(logits);
      return g.toGraphDef();
    }
  }

  private static Operand<TFloat32> convBn(
      Ops s, Operand<TFloat32> x, int k, int cin, int cout, String padding, Random rnd) {
    Operand<TFloat32> w =
        s.withName("weights")
            .variable(init(s, rnd, Math.sqrt(2.0 / (k * k * cin)), k, k, cin, cout));
    Operand<TFloat32> conv =
        s.withName("Conv2D").nn.conv2d(x, w, java.util.List.of(1L, 1L, 1L, 1L), padding);
    Operand<TFloat32> gamma = s.withName("gamma").variable(fill(s, 1f, cout));
    Operand<TFloat32> beta = s.withName("beta").variable(fill(s, 0f, cout));
    Operand<TFloat32> mean = s.withName("moving_mean").variable(fill(s, 0f, cout));
    Operand<TFloat32> var = s.withName("moving_variance").variable(fill(s, 1f, cout));
    FusedBatchNorm<TFloat32, TFloat32> bn =
        s.withName("BatchNorm")
            .nn
            .fusedBatchNorm(
                conv,
                gamma,
                beta,
                mean,
                var,
                FusedBatchNorm.epsilon(1e-3f),
                FusedBatchNorm.isTraining(false));
    return s.withName("Relu").nn.relu(bn.y());
  }

  private static Operand<TFloat32> dense(Ops s, Operand<TFloat32> x, int in, int out, Random rnd) {
    Operand<TFloat32> w =
        s.withName("weights").variable(init(s, rnd, Math.sqrt(2.0 / in), in, out));
    Operand<TFloat32> b = s.withName("biases").variable(fill(s, 0f, out));
    return s.withName("BiasAdd").nn.biasAdd(s.withName("MatMul").linalg.matMul(x, w), b);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> pool(Graph g, Ops tf, Operand<TFloat32> x, String name) {
    return (Output<TFloat32>)
        (Output<?>)
            g.opBuilder("MaxPool", name + "/MaxPool", tf.scope())
                .addInput(x.asOutput())
                .setAttr("ksize", new long[] {1, 2, 2, 1})
                .setAttr("strides", new long[] {1, 2, 2, 1})
                .setAttr("padding", "VALID")
                .setAttr("T", org.tensorflow.proto.DataType.DT_FLOAT)
                .build()
                .output(0);
  }

  private static Operand<TFloat32> init(Ops s, Random rnd, double std, long... shape) {
    float[] v = new float[Math.toIntExact(Shape.of(shape).size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextGaussian() * std);
    }
    return s.constant(Shape.of(shape), DataBuffers.of(v));
  }

  private static Operand<TFloat32> fill(Ops s, float value, int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return s.constant(v);
  }

  /** MNIST images (train or test subset) in [0, 1] and labels. */
  public record Data(float[][] images, int[] labels) {
    /** Images {@code [from, from+n)} as an NHWC batch. */
    public FloatTensor batch(int from, int n) {
      float[] v = new float[n * 784];
      for (int i = 0; i < n; i++) {
        System.arraycopy(images[from + i], 0, v, i * 784, 784);
      }
      return FloatTensor.of(v, n, 28, 28, 1);
    }

    /** The number of images. */
    public int size() {
      return labels.length;
    }
  }

  /** Reads {@code train} or {@code test} from the test resources. */
  public static Data data(String split, int limit) {
    try (InputStream im =
            LeNet.class.getResourceAsStream("/mnist/" + split + "-images-idx3-ubyte.gz");
        InputStream lb =
            LeNet.class.getResourceAsStream("/mnist/" + split + "-labels-idx1-ubyte.gz")) {
      return new Data(IdxImages.readImages(im, limit), IdxImages.readLabels(lb, limit));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fraction of {@code data} whose argmax of {@code logits} equals the label. */
  public static double accuracy(FloatTensor logits, int[] labels) {
    return agreement(argmax(logits), labels);
  }

  /** Per-row argmax of a [n, k] tensor. */
  public static int[] argmax(FloatTensor logits) {
    int k = (int) logits.shape()[1];
    int n = logits.size() / k;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (logits.get(i * k + j) > logits.get(i * k + best)) {
          best = j;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** Fraction of equal entries. */
  public static double agreement(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return (double) same / a.length;
  }
}
