package org.edgetpu4j.device.cpu.kernels;

import java.util.function.DoubleUnaryOperator;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * Elementwise unary kernels: 8-bit through a 256-entry table built at planning time, float32
 * directly. Used by LOGISTIC, TANH, EXP, SQRT, SIN, RELU, RELU6, LEAKY_RELU, HARD_SWISH.
 */
public final class Unary8 {
  private Unary8() {}

  /** A float function of one value. */
  @FunctionalInterface
  interface FloatFn {
    float apply(float x);
  }

  /** Applies {@code table} to every byte of the input. */
  static Step table(Node node, byte[] table) {
    int ti = node.in(0).index;
    int to = node.out(0).index;
    int n = node.in(0).elementCount();
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int i = 0; i < n; i++) {
        y[yo + i] = table[x[xo + i] & 0xFF];
      }
    };
  }

  /** Applies {@code fn} to every float of the input. */
  static Step floats(Node node, FloatFn fn) {
    int ti = node.in(0).index;
    int to = node.out(0).index;
    int n = node.in(0).elementCount();
    return m -> {
      for (int i = 0; i < n; i++) {
        Bytes.f32(m.data[to], m.offset[to], i, fn.apply(Bytes.f32(m.data[ti], m.offset[ti], i)));
      }
    };
  }

  /** Output shape and type checks common to unary kernels. */
  static void sameShape(Node node) {
    Slot in = node.in(0);
    node.setShape(0, in.shape);
    node.require(
        node.out(0).type == in.type,
        "output type " + node.out(0).type + " differs from input type " + in.type);
  }

  /** A kernel mapping values through {@code fn}: LUT for 8-bit, direct for float32. */
  static Kernel lutKernel(DoubleUnaryOperator fn, FloatFn floatFn) {
    return node -> {
      sameShape(node);
      Slot in = node.in(0);
      Slot out = node.out(0);
      if (in.type == TensorType.FLOAT32) {
        return floats(node, floatFn);
      }
      node.requireType(in, TensorType.INT8, TensorType.UINT8);
      node.requirePerTensor(in);
      node.requirePerTensor(out);
      return table(
          node,
          QuantMath.lut8(
              in.type == TensorType.INT8,
              in.scale(),
              in.zeroPoint(),
              out.scale(),
              out.zeroPoint(),
              fn));
    };
  }

  /**
   * Like {@link #lutKernel} but the 8-bit result is {@code (int) (f(x) / out_scale) + zp},
   * truncated toward zero: the arithmetic of TFLite's quantized elementwise SQRT.
   */
  static Kernel truncatingKernel(DoubleUnaryOperator fn, FloatFn floatFn) {
    return node -> {
      sameShape(node);
      Slot in = node.in(0);
      Slot out = node.out(0);
      if (in.type == TensorType.FLOAT32) {
        return floats(node, floatFn);
      }
      node.requireType(in, TensorType.INT8, TensorType.UINT8);
      node.requirePerTensor(in);
      node.requirePerTensor(out);
      float inScale = in.scale();
      int inZp = in.zeroPoint();
      float outScale = out.scale();
      int outZp = out.zeroPoint();
      int lo = Activations.qmin(in.type);
      int hi = Activations.qmax(in.type);
      return table(
          node,
          tableOf(
              in.type == TensorType.INT8,
              q -> {
                float real = (float) fn.applyAsDouble(inScale * (q - inZp));
                return QuantMath.clamp((int) (real / outScale) + outZp, lo, hi);
              }));
    };
  }

  /** Builds a table by applying an integer function to every raw input value. */
  static byte[] tableOf(boolean signed, java.util.function.IntUnaryOperator f) {
    byte[] t = new byte[256];
    for (int v = signed ? -128 : 0; v <= (signed ? 127 : 255); v++) {
      t[v & 0xFF] = (byte) f.applyAsInt(v);
    }
    return t;
  }
}
