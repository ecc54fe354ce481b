package org.edgetpu4j.device.cpu.kernels.normalize;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * LOCAL_RESPONSE_NORMALIZATION on float32 NHWC: each value times {@code (bias + alpha * sum of
 * squares over channels {@code [c - radius, c + radius)})^-beta}; the window ends before {@code c +
 * radius}, as in TFLite (TensorFlow includes it).
 */
public final class LocalResponseNorm implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireType(in, TensorType.FLOAT32);
    node.requireType(out, TensorType.FLOAT32);
    node.requireRank(in, 4);
    int radius = node.options.getInt("radius");
    float bias = node.options.getFloat("bias");
    float alpha = node.options.getFloat("alpha");
    float beta = node.options.getFloat("beta");
    node.require(radius >= 0, "radius " + radius + " is negative");
    node.setShape(0, in.shape);
    int depth = in.dim(3);
    int outer = depth == 0 ? 0 : in.elementCount() / depth;
    int ti = in.index;
    int to = out.index;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int r = 0; r < outer; r++) {
        int base = r * depth;
        for (int c = 0; c < depth; c++) {
          int begin = Math.max(0, c - radius);
          int end = (int) Math.min(depth, (long) c + radius);
          float accum = 0f;
          for (int k = begin; k < end; k++) {
            float v = Bytes.f32(x, xo, base + k);
            accum += v * v;
          }
          float multiplier = (float) Math.pow(bias + alpha * accum, -beta);
          Bytes.f32(y, yo, base + c, Bytes.f32(x, xo, base + c) * multiplier);
        }
      }
    };
  }
}
