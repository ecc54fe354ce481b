package org.edgetpu4j.compiler.graph;

import java.util.List;
import java.util.Random;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * A compact way to write GraphDefs by hand, for tests (Before/Expected graphs) and small tools.
 *
 * <pre>{@code
 * TfGraph g = new GraphBuilder()
 *     .placeholder("x", 1, 8, 8, 3)
 *     .random("conv/weights", 1, 3, 3, 3, 4)
 *     .conv2d("conv/Conv2D", "x", "conv/weights", "SAME")
 *     .op("Relu", "conv/Relu", "conv/Conv2D")
 *     .build();
 * }</pre>
 */
public final class GraphBuilder {
  private final GraphDef.Builder def = GraphDef.newBuilder();

  /** Adds any node. */
  public GraphBuilder node(NodeDef n) {
    def.addNode(n);
    return this;
  }

  /** Adds a float32 op ({@code T = DT_FLOAT}) with no other attributes. */
  public GraphBuilder op(String op, String name, String... inputs) {
    return node(Nodes.floatOp(op, name, inputs).build());
  }

  /** Adds a float32 placeholder. */
  public GraphBuilder placeholder(String name, long... shape) {
    return node(Nodes.placeholder(name, shape));
  }

  /** Adds a float32 constant. */
  public GraphBuilder constant(String name, FloatTensor value) {
    return node(Nodes.constant(name, value));
  }

  /** Adds a float32 constant of seeded Gaussian values. */
  public GraphBuilder random(String name, long seed, long... shape) {
    return constant(name, random(seed, 1f, 0f, shape));
  }

  /** Seeded Gaussian values with the given standard deviation and mean. */
  public static FloatTensor random(long seed, float std, float mean, long... shape) {
    Random r = new Random(seed);
    float[] v = new float[Math.toIntExact(FloatTensor.numElements(shape))];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * std + mean);
    }
    return FloatTensor.of(v, shape);
  }

  /** Adds an int32 constant. */
  public GraphBuilder ints(String name, int[] values, long... shape) {
    return node(Nodes.intConstant(name, values, shape));
  }

  /** Adds a VariableV2 with its initializer. */
  public GraphBuilder variable(String name, FloatTensor init) {
    GraphEditor e = build().edit();
    Variables.addFloat(e, name, init);
    def.clear().mergeFrom(e.build().def());
    return this;
  }

  /** Adds a Conv2D with stride 1. */
  public GraphBuilder conv2d(String name, String x, String w, String padding) {
    return node(
        Nodes.floatOp("Conv2D", name, x, w)
            .putAttr("strides", Nodes.ints(1, 1, 1, 1))
            .putAttr("padding", Nodes.string(padding))
            .build());
  }

  /** Adds a DepthwiseConv2dNative with stride 1. */
  public GraphBuilder depthwise(String name, String x, String w, String padding) {
    return node(
        Nodes.floatOp("DepthwiseConv2dNative", name, x, w)
            .putAttr("strides", Nodes.ints(1, 1, 1, 1))
            .putAttr("padding", Nodes.string(padding))
            .build());
  }

  /** Adds a BiasAdd (NHWC). */
  public GraphBuilder biasAdd(String name, String x, String b) {
    return node(
        Nodes.floatOp("BiasAdd", name, x, b).putAttr("data_format", Nodes.string("NHWC")).build());
  }

  /** Adds a MatMul. */
  public GraphBuilder matMul(String name, String a, String b) {
    return op("MatMul", name, a, b);
  }

  /** Adds a 2x2 stride-2 VALID MaxPool. */
  public GraphBuilder maxPool(String name, String x) {
    return node(
        Nodes.floatOp("MaxPool", name, x)
            .putAttr("ksize", Nodes.ints(1, 2, 2, 1))
            .putAttr("strides", Nodes.ints(1, 2, 2, 1))
            .putAttr("padding", Nodes.string("VALID"))
            .build());
  }

  /** Adds an inference-mode FusedBatchNormV3. */
  public GraphBuilder fusedBatchNorm(
      String name, String x, String gamma, String beta, String mean, String var, float eps) {
    return node(
        Nodes.floatOp("FusedBatchNormV3", name, x, gamma, beta, mean, var)
            .putAttr("U", Nodes.type(org.tensorflow.proto.DataType.DT_FLOAT))
            .putAttr("epsilon", Nodes.real(eps))
            .putAttr("is_training", Nodes.bool(false))
            .putAttr("data_format", Nodes.string("NHWC"))
            .build());
  }

  /** Adds an attribute to the last node added. */
  public GraphBuilder attr(String key, AttrValue value) {
    def.getNodeBuilder(def.getNodeCount() - 1).putAttr(key, value);
    return this;
  }

  /** The graph. */
  public TfGraph build() {
    return TfGraph.of(def.build());
  }

  /** Names of all nodes so far. */
  public List<String> names() {
    return def.getNodeList().stream().map(NodeDef::getName).toList();
  }
}
