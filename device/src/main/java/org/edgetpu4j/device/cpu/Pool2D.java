package org.edgetpu4j.device.cpu;

import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.TensorType;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D, 8-bit and float32. Windows are clipped at the borders; the 8-bit
 * average rounds half away from zero, as TFLite's reference kernels.
 */
final class Pool2D implements Kernel {
  private final boolean average;

  Pool2D(boolean average) {
    this.average = average;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireRank(in, 4);
    boolean same = node.options.padding() == Padding.SAME;
    int fh = node.options.getInt("filter_height");
    int fw = node.options.getInt("filter_width");
    int sh = node.options.getInt("stride_h");
    int sw = node.options.getInt("stride_w");
    node.require(fh > 0 && fw > 0 && sh > 0 && sw > 0, "filter and strides must be positive");
    int n = in.dim(0);
    int ih = in.dim(1);
    int iw = in.dim(2);
    int c = in.dim(3);
    int oh = Shapes.outSize(same, ih, fh, sh, 1);
    int ow = Shapes.outSize(same, iw, fw, sw, 1);
    int ph = Shapes.padBefore(same, ih, fh, sh, 1, oh);
    int pw = Shapes.padBefore(same, iw, fw, sw, 1, ow);
    node.setShape(0, new int[] {n, oh, ow, c});
    node.require(out.type == in.type, "output type " + out.type + " differs from " + in.type);
    int ti = in.index;
    int to = out.index;
    boolean avg = average;
    if (in.type == TensorType.FLOAT32) {
      float[] r = Activations.floatRange(node, node.activation());
      return m -> {
        int o = 0;
        for (int b = 0; b < n; b++) {
          for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
              int y0 = oy * sh - ph;
              int x0 = ox * sw - pw;
              int fy0 = Math.max(0, -y0);
              int fy1 = Math.min(fh, ih - y0);
              int fx0 = Math.max(0, -x0);
              int fx1 = Math.min(fw, iw - x0);
              for (int ch = 0; ch < c; ch++) {
                float acc = avg ? 0f : -Float.MAX_VALUE;
                int count = 0;
                for (int fy = fy0; fy < fy1; fy++) {
                  for (int fx = fx0; fx < fx1; fx++) {
                    float v =
                        Bytes.f32(
                            m.data[ti], m.offset[ti], ((b * ih + y0 + fy) * iw + x0 + fx) * c + ch);
                    acc = avg ? acc + v : Math.max(acc, v);
                    count++;
                  }
                }
                float v = avg ? acc / count : acc;
                Bytes.f32(m.data[to], m.offset[to], o++, Activations.clamp(v, r[0], r[1]));
              }
            }
          }
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    int[] range = Activations.quantizedRange(node, node.activation(), out);
    boolean unsigned = in.type == TensorType.UINT8;
    int lo = range[0];
    int hi = range[1];
    int[] acc = new int[c];
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int o = m.offset[to];
      int mask = unsigned ? 0xFF : -1;
      for (int b = 0; b < n; b++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            int y0 = oy * sh - ph;
            int x0 = ox * sw - pw;
            int fy0 = Math.max(0, -y0);
            int fy1 = Math.min(fh, ih - y0);
            int fx0 = Math.max(0, -x0);
            int fx1 = Math.min(fw, iw - x0);
            java.util.Arrays.fill(acc, avg ? 0 : Integer.MIN_VALUE);
            // taps outermost, channels contiguous innermost
            for (int fy = fy0; fy < fy1; fy++) {
              int row = xo + ((b * ih + y0 + fy) * iw + x0) * c;
              for (int fx = fx0; fx < fx1; fx++) {
                int src = row + fx * c;
                if (avg) {
                  for (int ch = 0; ch < c; ch++) {
                    acc[ch] += x[src + ch] & mask;
                  }
                } else {
                  for (int ch = 0; ch < c; ch++) {
                    acc[ch] = Math.max(acc[ch], x[src + ch] & mask);
                  }
                }
              }
            }
            int count = (fy1 - fy0) * (fx1 - fx0);
            for (int ch = 0; ch < c; ch++) {
              int v = acc[ch];
              if (avg) {
                v = v > 0 ? (v + count / 2) / count : (v - count / 2) / count;
              }
              y[o++] = (byte) Math.max(lo, Math.min(hi, v));
            }
          }
        }
      }
    };
  }
}
