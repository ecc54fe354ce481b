package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * CONCATENATION along one axis. Inputs quantized like the output are copied; 8-bit inputs with
 * other parameters are requantized as TFLite's ConcatenationWithScaling does.
 */
public final class Concatenation implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot first = node.in(0);
    Slot out = node.out(0);
    int rank = first.rank();
    int axis = node.options.getInt("axis");
    axis = axis < 0 ? axis + rank : axis;
    node.require(axis >= 0 && axis < rank, "axis out of range");
    int k = node.inputCount();
    int[] shape = first.shape.clone();
    int[] widths = new int[k];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= shape[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < rank; d++) {
      inner *= shape[d];
    }
    int total = 0;
    int elem = (int) first.type.byteSize(1);
    for (int i = 0; i < k; i++) {
      Slot s = node.in(i);
      node.require(s.rank() == rank && s.type == first.type, s.describe() + " does not match");
      widths[i] = s.dim(axis) * inner * elem;
      total += s.dim(axis);
    }
    shape[axis] = total;
    node.setShape(0, shape);
    int rowBytes = total * inner * elem;
    int[] tin = new int[k];
    float[] scale = new float[k];
    float[] biasv = new float[k];
    boolean[] rescale = new boolean[k];
    boolean unsigned = first.type == TensorType.UINT8;
    for (int i = 0; i < k; i++) {
      Slot s = node.in(i);
      tin[i] = s.index;
      if (Node.isQuant8(s.type) && (s.scale() != out.scale() || s.zeroPoint() != out.zeroPoint())) {
        rescale[i] = true;
        scale[i] = s.scale() * (1 / out.scale());
        biasv[i] = -s.zeroPoint() * scale[i];
      }
    }
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    int to = out.index;
    int rows = outer;
    return m -> {
      byte[] y = m.data[to];
      int yo = m.offset[to];
      int pos = 0;
      for (int i = 0; i < k; i++) {
        byte[] x = m.data[tin[i]];
        int xo = m.offset[tin[i]];
        int w = widths[i];
        for (int r = 0; r < rows; r++) {
          int dst = yo + r * rowBytes + pos;
          int src = xo + r * w;
          if (!rescale[i]) {
            System.arraycopy(x, src, y, dst, w);
          } else {
            for (int j = 0; j < w; j++) {
              int v = unsigned ? x[src + j] & 0xFF : x[src + j];
              int q = (int) QuantMath.roundHalfAway(v * scale[i] + biasv[i]) + outZp;
              y[dst + j] = (byte) QuantMath.clamp(q, lo, hi);
            }
          }
        }
        pos += w;
      }
    };
  }
}
