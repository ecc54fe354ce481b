package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * SOFTMAX over the last dimension. 8-bit uses TFLite's float table {@code exp(-scale * beta * d)}
 * for the distance {@code d} from the row maximum, a float sum, and rounding of the scaled
 * probabilities; float32 computes directly.
 */
public final class Softmax implements Kernel {
  @Override
  public Step prepare(Node node) {
    Unary8.sameShape(node);
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.require(in.rank() >= 1, "input must have rank at least 1");
    float beta = node.options.getFloat("beta");
    int depth = in.dim(in.rank() - 1);
    int rows = depth == 0 ? 0 : in.elementCount() / depth;
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT32) {
      return m -> {
        for (int r = 0; r < rows; r++) {
          int base = r * depth;
          float max = -Float.MAX_VALUE;
          for (int j = 0; j < depth; j++) {
            max = Math.max(max, Bytes.f32(m.data[ti], m.offset[ti], base + j));
          }
          float sum = 0f;
          for (int j = 0; j < depth; j++) {
            float e =
                (float) Math.exp((Bytes.f32(m.data[ti], m.offset[ti], base + j) - max) * beta);
            Bytes.f32(m.data[to], m.offset[to], base + j, e);
            sum += e;
          }
          for (int j = 0; j < depth; j++) {
            Bytes.f32(
                m.data[to],
                m.offset[to],
                base + j,
                Bytes.f32(m.data[to], m.offset[to], base + j) / sum);
          }
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.requirePerTensor(in);
    node.requirePerTensor(out);
    float[] table = new float[256];
    float scale = -in.scale() * beta;
    for (int v = 0; v <= 255; v++) {
      table[255 - v] = (float) Math.exp(scale * v);
    }
    boolean unsigned = in.type == TensorType.UINT8;
    float outScale = out.scale();
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int r = 0; r < rows; r++) {
        int base = xo + r * depth;
        int max = Integer.MIN_VALUE;
        for (int j = 0; j < depth; j++) {
          max = Math.max(max, unsigned ? x[base + j] & 0xFF : x[base + j]);
        }
        int off = 255 - max;
        float sum = 0f;
        for (int j = 0; j < depth; j++) {
          sum += table[off + (unsigned ? x[base + j] & 0xFF : x[base + j])];
        }
        float inv = 1.0f / (sum * outScale);
        for (int j = 0; j < depth; j++) {
          float p = table[off + (unsigned ? x[base + j] & 0xFF : x[base + j])] * inv;
          int q = unsigned ? (int) (p + 0.5f) : (int) QuantMath.roundHalfAway(p) + outZp;
          y[yo + r * depth + j] = (byte) QuantMath.clamp(q, lo, hi);
        }
      }
    };
  }
}
