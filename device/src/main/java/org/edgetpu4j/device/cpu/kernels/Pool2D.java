package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.Dot;
import org.edgetpu4j.device.cpu.math.PoolSimd;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.TensorType;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D, 8-bit and float32. Windows are clipped at the borders; the 8-bit
 * average rounds half away from zero, as TFLite's reference kernels.
 */
public final class Pool2D implements Kernel {
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
    int[] srcs = new int[fh * fw];
    boolean simd = Dot.SIMD && !unsigned;
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
            int taps = 0;
            for (int fy = fy0; fy < fy1; fy++) {
              int row = xo + ((b * ih + y0 + fy) * iw + x0) * c;
              for (int fx = fx0; fx < fx1; fx++) {
                srcs[taps++] = row + fx * c;
              }
            }
            if (avg) {
              averagePixel(x, srcs, taps, c, mask, simd, acc, lo, hi, y, o);
            } else {
              maxPixel(x, srcs, taps, c, mask, simd, lo, hi, y, o);
            }
            o += c;
          }
        }
      }
    };
  }

  private static void maxPixel(
      byte[] x,
      int[] srcs,
      int taps,
      int c,
      int mask,
      boolean simd,
      int lo,
      int hi,
      byte[] y,
      int o) {
    int ch = simd ? PoolSimd.max(x, srcs, taps, c, lo, hi, y, o) : 0;
    for (; ch < c; ch++) {
      int v = Integer.MIN_VALUE;
      for (int t = 0; t < taps; t++) {
        v = Math.max(v, x[srcs[t] + ch] & mask);
      }
      y[o + ch] = (byte) Math.max(lo, Math.min(hi, v));
    }
  }

  /**
   * Window sums divided by the tap count, rounding half away from zero. The division is a
   * multiplication by {@code ceil(2^32 / count)}, exact while the sum magnitude is below {@code
   * 2^32 / count} (sums of bytes over fewer than 4096 taps).
   */
  private static void averagePixel(
      byte[] x,
      int[] srcs,
      int taps,
      int c,
      int mask,
      boolean simd,
      int[] acc,
      int lo,
      int hi,
      byte[] y,
      int o) {
    java.util.Arrays.fill(acc, 0);
    for (int t = 0; t < taps; t++) {
      int src = srcs[t];
      int ch = simd ? PoolSimd.add(x, src, acc, c) : 0;
      for (; ch < c; ch++) {
        acc[ch] += x[src + ch] & mask;
      }
    }
    int half = taps / 2;
    boolean fast = taps < 4096;
    long recip = fast ? ((1L << 32) + taps - 1) / taps : 0;
    for (int ch = 0; ch < c; ch++) {
      int v = acc[ch];
      int q;
      if (fast) {
        long a = v >= 0 ? v + half : half - (long) v;
        int mag = (int) ((a * recip) >>> 32);
        q = v >= 0 ? mag : -mag;
      } else {
        q = v > 0 ? (v + half) / taps : (v - half) / taps;
      }
      y[o + ch] = (byte) Math.max(lo, Math.min(hi, q));
    }
  }
}
