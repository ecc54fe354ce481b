package org.edgetpu4j.device.cpu.kernels;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.OperatorCode;

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
        Unary8.lutKernel(
            x -> 1.0f / (1.0f + (float) Math.exp(-x)), x -> 1.0f / (1.0f + (float) Math.exp(-x))));
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
  }

  private Kernels() {}

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
