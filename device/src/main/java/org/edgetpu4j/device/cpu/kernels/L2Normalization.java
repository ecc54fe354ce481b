package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * L2_NORMALIZATION over the last dimension: int8 with TFLite's fixed-point inverse square root
 * (output scale 1/128, zero point 0), and float32.
 */
public final class L2Normalization implements Kernel {
  @Override
  public Step prepare(Node node) {
    Unary8.sameShape(node);
    Slot in = node.in(0);
    Slot out = node.out(0);
    int depth = in.dim(in.rank() - 1);
    int rows = depth == 0 ? 0 : in.elementCount() / depth;
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT32) {
      return m -> {
        for (int r = 0; r < rows; r++) {
          float sq = 0f;
          for (int j = 0; j < depth; j++) {
            float v = Bytes.f32(m.data[ti], m.offset[ti], r * depth + j);
            sq += v * v;
          }
          float norm = Math.max((float) Math.sqrt(sq), 1e-6f);
          for (int j = 0; j < depth; j++) {
            float v = Bytes.f32(m.data[ti], m.offset[ti], r * depth + j);
            Bytes.f32(m.data[to], m.offset[to], r * depth + j, v / norm);
          }
        }
      };
    }
    node.requireType(in, TensorType.INT8);
    int zp = in.zeroPoint();
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int r = 0; r < rows; r++) {
        int base = r * depth;
        int acc = 0;
        for (int j = 0; j < depth; j++) {
          int v = x[xo + base + j] - zp;
          acc += v * v;
        }
        QuantMath.Multiplier inv = QuantMath.invSqrtQuantizedMultiplierExp(acc, -1);
        for (int j = 0; j < depth; j++) {
          int v = x[xo + base + j] - zp;
          int o = QuantMath.multiplyByQuantizedMultiplier(v, inv.multiplier(), inv.shift() + 7);
          y[yo + base + j] = (byte) QuantMath.clamp(o, -128, 127);
        }
      }
    };
  }
}
