package org.edgetpu4j.compiler.pass;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphBuilder;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;

/** Shared test graphs and numeric comparison. */
final class Fixtures {
  private Fixtures() {}

  /** x[1,6,6,2] -> Conv2D(3x3x2x3) -> FusedBatchNormV3 -> Relu, all constants. */
  static GraphBuilder convBn() {
    return new GraphBuilder()
        .placeholder("x", 1, 6, 6, 2)
        .random("conv/weights", 1, 3, 3, 2, 3)
        .constant("conv/gamma", FloatTensor.of(new float[] {1.5f, 0.5f, -0.8f}, 3))
        .constant("conv/beta", FloatTensor.of(new float[] {0.1f, -0.2f, 0.3f}, 3))
        .constant("conv/mean", FloatTensor.of(new float[] {0.4f, -1f, 2f}, 3))
        .constant("conv/variance", FloatTensor.of(new float[] {2f, 0.3f, 5f}, 3))
        .conv2d("conv/Conv2D", "x", "conv/weights", "SAME")
        .fusedBatchNorm(
            "conv/BatchNorm",
            "conv/Conv2D",
            "conv/gamma",
            "conv/beta",
            "conv/mean",
            "conv/variance",
            1e-3f)
        .op("Relu", "conv/Relu", "conv/BatchNorm");
  }

  /** A seeded input. */
  static Map<String, FloatTensor> input(String name, long seed, long... shape) {
    return Map.of(name, GraphBuilder.random(seed, 1f, 0f, shape));
  }

  /** Runs both graphs and returns the largest absolute output difference. */
  static float maxDiff(TfGraph a, TfGraph b, Map<String, FloatTensor> feeds, String output) {
    FloatTensor x = GraphRunner.runOnce(a, feeds, List.of(output)).get(0);
    FloatTensor y = GraphRunner.runOnce(b, feeds, List.of(output)).get(0);
    return maxDiff(x, y);
  }

  static float maxDiff(FloatTensor x, FloatTensor y) {
    if (x.size() != y.size()) {
      throw new AssertionError("sizes differ: " + x.size() + " vs " + y.size());
    }
    float m = 0;
    for (int i = 0; i < x.size(); i++) {
      m = Math.max(m, Math.abs(x.get(i) - y.get(i)));
    }
    return m;
  }

  /** Runs a pass with a fresh context. */
  static TfGraph run(Pass p, TfGraph g, PassContext ctx) {
    TfGraph out = p.apply(g, ctx);
    GraphVerifier.verifyWithTensorFlow(out);
    return out;
  }
}
