package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.kernels.Conv2D;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * The 8-bit depthwise convolution step: for each output pixel, accumulates {@code (w + foff) * (x +
 * ioff)} over the clipped window per output channel in an int scratch row, then requantizes per
 * channel.
 */
public final class DepthwiseQuant implements Step {
  private final Conv2D.Geometry g;
  private final int ti;
  private final int to;
  private final int[] w;
  private final boolean flip;
  private final int ioff;
  private final int dm;
  private final int[] bias;
  private final Requant requant;
  private final int[] acc;
  private final int[] xrow;

  public DepthwiseQuant(
      Conv2D.Geometry g,
      int ti,
      int to,
      byte[] w,
      int foff,
      int ioff,
      boolean flip,
      int dm,
      int[] bias,
      int[][] mq,
      int outZp,
      int[] range) {
    this.g = g;
    this.ti = ti;
    this.to = to;
    this.w = new int[w.length];
    for (int i = 0; i < w.length; i++) {
      this.w[i] = w[i] + foff;
    }
    this.flip = flip;
    this.ioff = ioff;
    this.dm = dm;
    this.bias = bias;
    this.requant = new Requant(new int[bias.length], mq[0], mq[1], outZp, range[0], range[1]);
    this.acc = new int[bias.length];
    this.xrow = new int[g.inC()];
  }

  @Override
  public void run(Memory m) {
    byte[] x = m.data[ti];
    int xo = m.offset[ti];
    byte[] y = m.data[to];
    int o = m.offset[to];
    int ic = g.inC();
    int oc = acc.length;
    for (int n = 0; n < g.batches(); n++) {
      for (int oy = 0; oy < g.outH(); oy++) {
        for (int ox = 0; ox < g.outW(); ox++) {
          System.arraycopy(bias, 0, acc, 0, oc);
          for (int fy = 0; fy < g.fH(); fy++) {
            int iy = oy * g.strideH() - g.padH() + fy * g.dilH();
            if (iy < 0 || iy >= g.inH()) {
              continue;
            }
            for (int fx = 0; fx < g.fW(); fx++) {
              int ix = ox * g.strideW() - g.padW() + fx * g.dilW();
              if (ix < 0 || ix >= g.inW()) {
                continue;
              }
              int src = xo + ((n * g.inH() + iy) * g.inW() + ix) * ic;
              int wo = (fy * g.fW() + fx) * oc;
              if (dm == 1) {
                if (flip) {
                  for (int c = 0; c < ic; c++) {
                    acc[c] += w[wo + c] * ((byte) (x[src + c] ^ 0x80) + ioff);
                  }
                } else {
                  int c = Dot.SIMD ? DotSimd.accumulateTap(x, src, ioff, w, wo, acc, ic) : 0;
                  for (; c < ic; c++) {
                    acc[c] += w[wo + c] * (x[src + c] + ioff);
                  }
                }
              } else {
                for (int c = 0; c < ic; c++) {
                  xrow[c] = (flip ? (byte) (x[src + c] ^ 0x80) : x[src + c]) + ioff;
                }
                for (int c = 0; c < ic; c++) {
                  int v = xrow[c];
                  int base = c * dm;
                  for (int k = 0; k < dm; k++) {
                    acc[base + k] += w[wo + base + k] * v;
                  }
                }
              }
            }
          }
          requant.run(acc, y, o);
          o += oc;
        }
      }
    }
  }
}
