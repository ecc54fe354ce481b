package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Step;

/** The two arithmetic forms of bilinear resizing used by {@link Resize}. */
public final class ResizeBilinearInt8 {
  private ResizeBilinearInt8() {}

  static Step step(
      int ti, int to, int n, int ih, int iw, int c, int oh, int ow, boolean align, boolean half) {
    int hs = ((1 << 10) * ih + oh / 2) / oh;
    int ws = ((1 << 10) * iw + ow / 2) / ow;
    if (align && oh > 1) {
      hs = ((1 << 10) * (ih - 1) + (oh - 1) / 2) / (oh - 1);
    }
    if (align && ow > 1) {
      ws = ((1 << 10) * (iw - 1) + (ow - 1) / 2) / (ow - 1);
    }
    int[][] yv = interp(oh, hs, half, ih);
    int[][] xv = interp(ow, ws, half, iw);
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int o = m.offset[to];
      for (int b = 0; b < n; b++) {
        for (int oy = 0; oy < oh; oy++) {
          int iy = yv[0][oy];
          int y0 = yv[1][oy];
          int y1 = yv[2][oy];
          for (int ox = 0; ox < ow; ox++) {
            int ix = xv[0][ox];
            int x0 = xv[1][ox];
            int x1 = xv[2][ox];
            long dy = iy - (1 << 10) * y0;
            long dx = ix - (1 << 10) * x0;
            for (int ch = 0; ch < c; ch++) {
              long ll =
                  (long) x[xo + ((b * ih + y0) * iw + x0) * c + ch]
                      * ((1 << 10) - dy)
                      * ((1 << 10) - dx);
              long lu = (long) x[xo + ((b * ih + y1) * iw + x0) * c + ch] * dy * ((1 << 10) - dx);
              long rl = (long) x[xo + ((b * ih + y0) * iw + x1) * c + ch] * ((1 << 10) - dy) * dx;
              long ru = (long) x[xo + ((b * ih + y1) * iw + x1) * c + ch] * dy * dx;
              long sum = ll + lu + rl + ru;
              long round = sum > 0 ? (1 << 19) : -(1 << 19);
              y[o++] = (byte) ((sum + round) / (1 << 20));
            }
          }
        }
      }
    };
  }

  private static int[][] interp(int outSize, int scale10, boolean half, int inSize) {
    int[][] r = new int[3][outSize];
    for (int v = 0; v < outSize; v++) {
      int scaled = half ? v * scale10 + scale10 / 2 - (1 << 9) : v * scale10;
      r[0][v] = scaled;
      r[1][v] = Math.max(scaled / (1 << 10), 0);
      r[2][v] = Math.min((scaled + (1 << 10) - 1) / (1 << 10), inSize - 1);
    }
    return r;
  }

  static Step floatStep(
      int ti,
      int to,
      int n,
      int ih,
      int iw,
      int c,
      int oh,
      int ow,
      boolean align,
      boolean half,
      boolean uint8) {
    float hs = (float) ih / oh;
    float ws = (float) iw / ow;
    if (align && oh > 1) {
      hs = (float) (ih - 1) / (oh - 1);
    }
    if (align && ow > 1) {
      ws = (float) (iw - 1) / (ow - 1);
    }
    float hScale = hs;
    float wScale = ws;
    return m -> {
      int o = 0;
      for (int b = 0; b < n; b++) {
        for (int oy = 0; oy < oh; oy++) {
          float inY = half ? (oy + 0.5f) * hScale - 0.5f : oy * hScale;
          int y0 = Math.max((int) Math.floor(inY), 0);
          int y1 = Math.min((int) Math.ceil(inY), ih - 1);
          for (int ox = 0; ox < ow; ox++) {
            float inX = half ? (ox + 0.5f) * wScale - 0.5f : ox * wScale;
            int x0 = Math.max((int) Math.floor(inX), 0);
            int x1 = Math.min((int) Math.ceil(inX), iw - 1);
            for (int ch = 0; ch < c; ch++) {
              float v =
                  get(m, ti, uint8, ((b * ih + y0) * iw + x0) * c + ch)
                          * (1 - (inY - y0))
                          * (1 - (inX - x0))
                      + get(m, ti, uint8, ((b * ih + y1) * iw + x0) * c + ch)
                          * (inY - y0)
                          * (1 - (inX - x0))
                      + get(m, ti, uint8, ((b * ih + y0) * iw + x1) * c + ch)
                          * (1 - (inY - y0))
                          * (inX - x0)
                      + get(m, ti, uint8, ((b * ih + y1) * iw + x1) * c + ch)
                          * (inY - y0)
                          * (inX - x0);
              if (uint8) {
                m.data[to][m.offset[to] + o++] = (byte) (int) v;
              } else {
                Bytes.f32(m.data[to], m.offset[to], o++, v);
              }
            }
          }
        }
      }
    };
  }

  private static float get(Memory m, int t, boolean uint8, int i) {
    return uint8 ? m.data[t][m.offset[t] + i] & 0xFF : Bytes.f32(m.data[t], m.offset[t], i);
  }
}
