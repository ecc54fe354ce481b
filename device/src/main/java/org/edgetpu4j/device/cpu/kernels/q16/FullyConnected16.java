package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * FULLY_CONNECTED in 16x8: int16 input and output (zero point 0), int8 symmetric weights per tensor
 * or per unit, int64 or int32 bias, 64-bit sums rescaled with TFLite's 64-bit multiplier.
 */
public final class FullyConnected16 implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot w = node.in(1);
    Slot bias = node.optionalIn(2);
    Slot out = node.out(0);
    Q16.requireInt16(node, in);
    Q16.requireInt16(node, out);
    node.requireRank(w, 2);
    node.requireConstant(w);
    node.requireType(w, TensorType.INT8);
    for (int zp : w.zeroPoints) {
      node.require(zp == 0, w.describe() + " has zero point " + zp + ", expected 0");
    }
    int units = w.dim(0);
    int depth = w.dim(1);
    node.require(
        depth > 0 && in.elementCount() % depth == 0,
        "input " + Shapes.str(in.shape) + " is not a multiple of weight depth " + depth);
    int rows = in.elementCount() / depth;
    if (node.options.has("keep_num_dims") && node.options.getBool("keep_num_dims")) {
      int[] s = in.shape.clone();
      s[s.length - 1] = units;
      node.setShape(0, s);
    } else {
      node.setShape(0, new int[] {rows, units});
    }
    int[][] q = QuantParamsPrep.channelMultipliers(node, in, w, out, units);
    long[] b = Conv16.bias64(node, bias, units);
    int[] r = Q16.range(node, out);
    byte[] wd = w.constant;
    int ti = in.index;
    int to = out.index;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int row = 0; row < rows; row++) {
        for (int u = 0; u < units; u++) {
          long acc = 0;
          for (int k = 0; k < depth; k++) {
            acc += Bytes.i16(x, xo, row * depth + k) * wd[u * depth + k];
          }
          acc += b[u];
          int v = QuantMath.multiplyByQuantizedMultiplier((int) acc, q[0][u], q[1][u]);
          Q16.put(y, yo, row * units + u, Math.min(Math.max(v, r[0]), r[1]));
        }
      }
    };
  }
}
