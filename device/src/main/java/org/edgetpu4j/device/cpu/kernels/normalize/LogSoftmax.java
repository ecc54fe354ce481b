package org.edgetpu4j.device.cpu.kernels.normalize;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * LOG_SOFTMAX on float32 over the last axis: {@code x - max - log(sum(exp(x - max)))}, summed in
 * float in index order as TFLite's reference kernel.
 */
public final class LogSoftmax implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireType(in, TensorType.FLOAT32);
    node.requireType(out, TensorType.FLOAT32);
    node.require(in.rank() >= 1, in.describe() + " must have rank 1 or more");
    node.setShape(0, in.shape);
    int depth = in.dim(in.rank() - 1);
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
        float max = -Float.MAX_VALUE;
        for (int c = 0; c < depth; c++) {
          max = Math.max(max, Bytes.f32(x, xo, base + c));
        }
        float sum = 0f;
        for (int c = 0; c < depth; c++) {
          sum += (float) Math.exp(Bytes.f32(x, xo, base + c) - max);
        }
        float logSum = (float) Math.log(sum);
        for (int c = 0; c < depth; c++) {
          Bytes.f32(y, yo, base + c, Bytes.f32(x, xo, base + c) - max - logSum);
        }
      }
    };
  }
}
