package org.edgetpu4j.device.cpu.kernels;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.device.cpu.kernels.control.If;
import org.edgetpu4j.device.cpu.kernels.control.While;
import org.edgetpu4j.device.cpu.kernels.elementwise.AddN;
import org.edgetpu4j.device.cpu.kernels.elementwise.Arithmetic;
import org.edgetpu4j.device.cpu.kernels.elementwise.Compare;
import org.edgetpu4j.device.cpu.kernels.elementwise.Prelu;
import org.edgetpu4j.device.cpu.kernels.elementwise.Select;
import org.edgetpu4j.device.cpu.kernels.elementwise.Unary;
import org.edgetpu4j.device.cpu.kernels.matmul.BatchMatMul;
import org.edgetpu4j.device.cpu.kernels.normalize.LocalResponseNorm;
import org.edgetpu4j.device.cpu.kernels.normalize.LogSoftmax;
import org.edgetpu4j.device.cpu.kernels.q16.Arith16;
import org.edgetpu4j.device.cpu.kernels.q16.Conv16;
import org.edgetpu4j.device.cpu.kernels.q16.FullyConnected16;
import org.edgetpu4j.device.cpu.kernels.q16.MaxMin16;
import org.edgetpu4j.device.cpu.kernels.q16.Pool16;
import org.edgetpu4j.device.cpu.kernels.q16.Relu16;
import org.edgetpu4j.device.cpu.kernels.q16.Requantize16;
import org.edgetpu4j.device.cpu.kernels.q16.Sigmoid16;
import org.edgetpu4j.device.cpu.kernels.reduce.Reduce;
import org.edgetpu4j.device.cpu.kernels.shape.BroadcastTo;
import org.edgetpu4j.device.cpu.kernels.shape.DepthSpace;
import org.edgetpu4j.device.cpu.kernels.shape.ExpandDims;
import org.edgetpu4j.device.cpu.kernels.shape.Fill;
import org.edgetpu4j.device.cpu.kernels.shape.MirrorPad;
import org.edgetpu4j.device.cpu.kernels.shape.Range;
import org.edgetpu4j.device.cpu.kernels.shape.ReverseV2;
import org.edgetpu4j.device.cpu.kernels.shape.Slice;
import org.edgetpu4j.device.cpu.kernels.shape.SpaceBatch;
import org.edgetpu4j.device.cpu.kernels.shape.SplitV;
import org.edgetpu4j.device.cpu.kernels.shape.Transpose;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.TensorType;

/**
 * The operator table: which builtin operators, in which versions, this interpreter runs. Anything
 * else (custom operators included) is refused at load with the operator's index, name and version.
 */
public final class Kernels {
  /** A supported operator: versions {@code 1..maxVersion}. */
  record Entry(int maxVersion, Kernel kernel) {}

  private static final Map<BuiltinOp, Entry> TABLE = new EnumMap<>(BuiltinOp.class);

  static {
    add(BuiltinOp.ADD, 4, new AddSub(false));
    add(BuiltinOp.SUB, 5, new AddSub(true));
    add(BuiltinOp.MUL, 5, new Mul());
    add(BuiltinOp.CONV_2D, 5, new Conv2D());
    add(BuiltinOp.DEPTHWISE_CONV_2D, 6, new DepthwiseConv2D());
    add(BuiltinOp.FULLY_CONNECTED, 12, new FullyConnected());
    add(BuiltinOp.TRANSPOSE_CONV, 4, new TransposeConv());
    add(BuiltinOp.AVERAGE_POOL_2D, 3, new Pool2D(true));
    add(BuiltinOp.MAX_POOL_2D, 3, new Pool2D(false));
    add(BuiltinOp.CONCATENATION, 3, new Concatenation());
    add(BuiltinOp.RELU, 3, Activation8.relu());
    add(BuiltinOp.RELU6, 3, Activation8.relu6());
    add(BuiltinOp.RELU_N1_TO_1, 1, Activation8.reluN1To1());
    add(BuiltinOp.LEAKY_RELU, 2, Activation8.leakyRelu());
    add(
        BuiltinOp.LOGISTIC,
        3,
        Unary8.lutKernel(x -> 1.0f / (1.0f + (float) Math.exp(-x)), Kernels::logisticFloat));
    add(BuiltinOp.TANH, 3, Unary8.lutKernel(Math::tanh, x -> (float) Math.tanh(x)));
    add(BuiltinOp.EXP, 2, Unary8.lutKernel(Math::exp, x -> (float) Math.exp(x)));
    add(BuiltinOp.SQRT, 2, Unary8.truncatingKernel(Math::sqrt, x -> (float) Math.sqrt(x)));
    add(BuiltinOp.SIN, 1, Unary8.lutKernel(Math::sin, x -> (float) Math.sin(x)));
    add(BuiltinOp.HARD_SWISH, 1, new HardSwish());
    add(BuiltinOp.SOFTMAX, 3, new Softmax());
    add(BuiltinOp.L2_NORMALIZATION, 2, new L2Normalization());
    add(BuiltinOp.MEAN, 3, new Mean());
    add(BuiltinOp.PAD, 4, new Pad());
    add(BuiltinOp.PADV2, 4, new Pad());
    add(BuiltinOp.RESHAPE, 1, new Reshape());
    add(BuiltinOp.SQUEEZE, 1, new Reshape());
    add(BuiltinOp.STRIDED_SLICE, 4, new StridedSlice());
    add(BuiltinOp.RESIZE_BILINEAR, 4, new Resize(true));
    add(BuiltinOp.RESIZE_NEAREST_NEIGHBOR, 4, new Resize(false));
    add(BuiltinOp.QUANTIZE, 2, new Quantize());
    add(BuiltinOp.DEQUANTIZE, 4, new Dequantize());
    add(BuiltinOp.MAXIMUM, 4, new MaximumMinimum(true));
    add(BuiltinOp.MINIMUM, 4, new MaximumMinimum(false));
    add(BuiltinOp.SHAPE, 1, new ShapeOp());
    add(BuiltinOp.PACK, 3, new Pack());
    add(BuiltinOp.SPLIT, 4, new Split());
    add(BuiltinOp.ARG_MAX, 3, new ArgMinMax(true));
    add(BuiltinOp.ARG_MIN, 3, new ArgMinMax(false));
    add(BuiltinOp.CAST, 6, new Cast());
    add(BuiltinOp.DIV, 2, new Divide(false));
    add(BuiltinOp.FLOOR_DIV, 3, new Divide(true));
    add(BuiltinOp.GATHER_ND, 5, new GatherNd());
    add(BuiltinOp.UNPACK, 4, new Unpack());
    add(BuiltinOp.GATHER, 7, new Gather());
    add(BuiltinOp.TILE, 3, new Tile());
    addElementwiseReduceShape();
  }

  /** Float, int32, int64 and bool kernels of kernels.elementwise, .reduce and .shape. */
  private static void addElementwiseReduceShape() {
    widen(BuiltinOp.ADD, EnumSet.of(TensorType.INT64), Arithmetic.add());
    widen(BuiltinOp.SUB, EnumSet.of(TensorType.INT64), Arithmetic.sub());
    widen(BuiltinOp.MUL, EnumSet.of(TensorType.INT32, TensorType.INT64), Arithmetic.mul());
    widen(BuiltinOp.MAXIMUM, EnumSet.of(TensorType.INT32, TensorType.INT64), Arithmetic.maximum());
    widen(BuiltinOp.MINIMUM, EnumSet.of(TensorType.INT32, TensorType.INT64), Arithmetic.minimum());
    add(BuiltinOp.SQUARED_DIFFERENCE, 1, Arithmetic.squaredDifference());
    add(BuiltinOp.POW, 1, Arithmetic.pow());
    add(BuiltinOp.FLOOR_MOD, 1, Arithmetic.floorMod());
    add(BuiltinOp.EQUAL, 3, Compare.equal());
    add(BuiltinOp.NOT_EQUAL, 3, Compare.notEqual());
    add(BuiltinOp.LESS, 2, Compare.less());
    add(BuiltinOp.LESS_EQUAL, 2, Compare.lessEqual());
    add(BuiltinOp.GREATER, 2, Compare.greater());
    add(BuiltinOp.GREATER_EQUAL, 2, Compare.greaterEqual());
    add(BuiltinOp.LOGICAL_AND, 1, Compare.logical(true));
    add(BuiltinOp.LOGICAL_OR, 1, Compare.logical(false));
    add(BuiltinOp.LOGICAL_NOT, 1, Unary.logicalNot());
    add(BuiltinOp.SELECT, 2, new Select(false));
    add(BuiltinOp.SELECT_V2, 1, new Select(true));
    add(BuiltinOp.ABS, 1, Unary.abs());
    add(BuiltinOp.NEG, 1, Unary.neg());
    add(BuiltinOp.SIGN, 2, Unary.sign());
    add(BuiltinOp.FLOOR, 1, Unary.ofFloat(x -> (float) Math.floor(x)));
    add(BuiltinOp.SQUARE, 1, Unary.ofFloat(x -> x * x));
    add(BuiltinOp.RSQRT, 1, Unary.ofFloat(x -> 1f / (float) Math.sqrt(x)));
    add(BuiltinOp.LOG, 1, Unary.ofFloat(x -> (float) Math.log(x)));
    add(BuiltinOp.COS, 1, Unary.ofFloat(x -> (float) Math.cos(x)));
    add(BuiltinOp.SUM, 1, new Reduce(Reduce.Kind.SUM));
    add(BuiltinOp.REDUCE_PROD, 1, new Reduce(Reduce.Kind.PROD));
    add(BuiltinOp.REDUCE_MAX, 3, new Reduce(Reduce.Kind.MAX));
    add(BuiltinOp.REDUCE_MIN, 3, new Reduce(Reduce.Kind.MIN));
    add(BuiltinOp.REDUCE_ANY, 1, new Reduce(Reduce.Kind.ANY));
    add(BuiltinOp.REDUCE_ALL, 1, new Reduce(Reduce.Kind.ALL));
    add(BuiltinOp.TRANSPOSE, 5, new Transpose());
    add(BuiltinOp.SLICE, 5, new Slice());
    add(BuiltinOp.REVERSE_V2, 2, new ReverseV2());
    add(BuiltinOp.BROADCAST_TO, 3, new BroadcastTo());
    add(BuiltinOp.DEPTH_TO_SPACE, 2, new DepthSpace(true));
    add(BuiltinOp.SPACE_TO_DEPTH, 2, new DepthSpace(false));
    add(BuiltinOp.SPACE_TO_BATCH_ND, 3, new SpaceBatch(true));
    add(BuiltinOp.BATCH_TO_SPACE_ND, 3, new SpaceBatch(false));
    add(BuiltinOp.MIRROR_PAD, 3, new MirrorPad());
    add(BuiltinOp.SPLIT_V, 2, new SplitV());
    add(BuiltinOp.FILL, 3, new Fill(false));
    add(BuiltinOp.ZEROS_LIKE, 1, new Fill(true));
    add(BuiltinOp.EXPAND_DIMS, 1, new ExpandDims(false));
    add(BuiltinOp.RANK, 1, new ExpandDims(true));
    add(BuiltinOp.RANGE, 1, new Range());
    add(BuiltinOp.LOG_SOFTMAX, 1, new LogSoftmax());
    add(BuiltinOp.LOCAL_RESPONSE_NORMALIZATION, 1, new LocalResponseNorm());
    add(BuiltinOp.PRELU, 1, new Prelu());
    add(BuiltinOp.BATCH_MATMUL, 2, new BatchMatMul());
    add(BuiltinOp.WHILE, 1, new While());
    add(BuiltinOp.ADD_N, 1, new AddN());
    add(BuiltinOp.IF, 1, new If());
    // 16x8 (int16 activations)
    widen(BuiltinOp.TANH, EnumSet.of(TensorType.INT16), new Sigmoid16(true));
    widen(BuiltinOp.LOGISTIC, EnumSet.of(TensorType.INT16), new Sigmoid16(false));
    Set<TensorType> i16 = EnumSet.of(TensorType.INT16);
    widen(BuiltinOp.ADD, i16, new Arith16(Arith16.Kind.ADD));
    widen(BuiltinOp.SUB, i16, new Arith16(Arith16.Kind.SUB));
    widen(BuiltinOp.MUL, i16, new Arith16(Arith16.Kind.MUL));
    widen(BuiltinOp.CONV_2D, i16, new Conv16(false));
    widen(BuiltinOp.DEPTHWISE_CONV_2D, i16, new Conv16(true));
    widen(BuiltinOp.FULLY_CONNECTED, i16, new FullyConnected16());
    widen(BuiltinOp.AVERAGE_POOL_2D, i16, new Pool16(true));
    widen(BuiltinOp.MAX_POOL_2D, i16, new Pool16(false));
    widen(BuiltinOp.RELU, i16, new Relu16(Activation.RELU));
    widen(BuiltinOp.RELU6, i16, new Relu16(Activation.RELU6));
    widen(BuiltinOp.RELU_N1_TO_1, i16, new Relu16(Activation.RELU_N1_TO_1));
    widen(BuiltinOp.LEAKY_RELU, i16, new Relu16(null));
    widen(BuiltinOp.MAXIMUM, i16, new MaxMin16(true));
    widen(BuiltinOp.MINIMUM, i16, new MaxMin16(false));
    Kernel quantize16 = new Requantize16();
    Kernel quantize = TABLE.get(BuiltinOp.QUANTIZE).kernel();
    TABLE.put(
        BuiltinOp.QUANTIZE,
        new Entry(
            TABLE.get(BuiltinOp.QUANTIZE).maxVersion(),
            node ->
                (node.in(0).type == TensorType.INT16 || node.out(0).type == TensorType.INT16
                        ? quantize16
                        : quantize)
                    .prepare(node)));
  }

  /** Routes inputs of {@code types} to {@code kernel}, others to the operator's kernel so far. */
  private static void widen(BuiltinOp op, Set<TensorType> types, Kernel kernel) {
    Entry e = TABLE.get(op);
    Kernel base = e.kernel();
    TABLE.put(
        op,
        new Entry(
            e.maxVersion(),
            node -> (types.contains(node.in(0).type) ? kernel : base).prepare(node)));
  }

  private Kernels() {}

  /** Float logistic as TFLite's reference: saturated above 16.62, {@code exp(x)} below -9. */
  private static float logisticFloat(float x) {
    if (x > 16.619047164916992188f) {
      return 1f;
    }
    if (x < -9f) {
      return (float) Math.exp(x);
    }
    return 1.0f / (1.0f + (float) Math.exp(-x));
  }

  private static void add(BuiltinOp op, int maxVersion, Kernel kernel) {
    TABLE.put(op, new Entry(maxVersion, kernel));
  }

  /**
   * The kernel for operator {@code index}: a builtin from the table, or a custom operator from
   * {@code customOps} by its name; refuses unknown, unregistered and too-new operators.
   */
  public static Kernel lookup(int index, OperatorCode code, Map<String, Kernel> customOps) {
    String where = "Op#" + index + " " + code.displayName() + " v" + code.version();
    if (code.isCustom()) {
      String name = code.customCode().orElse("");
      Kernel custom = customOps.get(name);
      if (custom == null) {
        throw new ModelRefusedException(
            where
                + ": custom operator '"
                + name
                + "' has no kernel"
                + (customOps.isEmpty()
                    ? ""
                    : " (registered: " + new TreeSet<>(customOps.keySet()) + ")")
                + "; register one with InterpreterOptions.withCustomOp");
      }
      return custom;
    }
    Entry e = TABLE.get(code.op());
    if (e == null) {
      throw new ModelRefusedException(where + ": operator is not supported");
    }
    if (code.version() < 1 || code.version() > e.maxVersion()) {
      throw new ModelRefusedException(
          where + ": version not supported (supported: 1.." + e.maxVersion() + ")");
    }
    return e.kernel();
  }

  /** Supported operators and their highest version. */
  static Map<BuiltinOp, Integer> supported() {
    Map<BuiltinOp, Integer> out = new EnumMap<>(BuiltinOp.class);
    TABLE.forEach((k, v) -> out.put(k, v.maxVersion()));
    return out;
  }
}
