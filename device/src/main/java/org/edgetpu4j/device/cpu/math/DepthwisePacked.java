package org.edgetpu4j.device.cpu.math;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.kernels.Conv2D;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Parallel;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * The 8-bit depthwise convolution step (depth multiplier 1) of the vector path. Filter values
 * {@code w - filter_zero_point} are widened to int at load, the input zero point is folded into a
 * per-channel constant (as in {@link PackedConv}), and the input is read as raw values from a copy
 * bordered by the input zero point, so that every window is whole and branch-free. For each output
 * pixel a vector of channels keeps its sum in a register over all taps; the row of sums is then
 * requantized by {@link Requant}. Output rows are split over the {@link Parallel} threads. Integer
 * sums are exact, so the result equals the reference form bit for bit.
 */
public final class DepthwisePacked implements Step {
  private final Conv2D.Geometry g;
  private final int[] w;
  private final int[] tapOff;
  private final boolean unsigned;
  private final Requant requant;
  private final int ti;
  private final int to;
  private final int[][] acc;
  private final byte[] padded;
  private final int pH;
  private final int pW;
  private final Parallel parallel;

  private DepthwisePacked(
      Conv2D.Geometry g,
      int[] w,
      boolean unsigned,
      byte pad,
      Requant requant,
      int ti,
      int to,
      Parallel parallel) {
    this.g = g;
    this.w = w;
    this.unsigned = unsigned;
    this.requant = requant;
    this.ti = ti;
    this.to = to;
    this.parallel = parallel;
    int ic = g.inC();
    this.acc = new int[parallel.threads()][ic];
    int reachH = (g.outH() - 1) * g.strideH() + (g.fH() - 1) * g.dilH() + 1;
    int reachW = (g.outW() - 1) * g.strideW() + (g.fW() - 1) * g.dilW() + 1;
    this.pH = Math.max(g.inH(), reachH - g.padH()) + g.padH();
    this.pW = Math.max(g.inW(), reachW - g.padW()) + g.padW();
    this.padded = new byte[Math.multiplyExact(Math.multiplyExact(g.batches() * pH, pW), ic)];
    Arrays.fill(padded, pad);
    this.tapOff = new int[g.fH() * g.fW()];
    for (int fy = 0; fy < g.fH(); fy++) {
      for (int fx = 0; fx < g.fW(); fx++) {
        tapOff[fy * g.fW() + fx] = (fy * g.dilH() * pW + fx * g.dilW()) * ic;
      }
    }
  }

  /**
   * The step, or null when the vector path is off or the padded copy would be too large.
   *
   * @param w signed filter bytes {@code [taps][channels]} (uint8 shifted by -128)
   * @param filterOffset added to each signed filter byte to give {@code w - filter_zero_point}
   * @param unsigned true for uint8 input
   * @param inZp input zero point
   */
  public static Step of(
      Conv2D.Geometry g,
      byte[] w,
      int filterOffset,
      boolean unsigned,
      int inZp,
      int[] bias,
      int[][] mq,
      int outZp,
      int[] range,
      int ti,
      int to,
      Parallel parallel) {
    int c = g.inC();
    if (!Dot.SIMD
        || bias.length != c
        || g.padH() < 0
        || g.padW() < 0
        || (long) g.batches()
                * (g.inH() + 2L * g.fH() * g.dilH())
                * (g.inW() + 2L * g.fW() * g.dilW())
                * c
            > (1 << 26)) {
      return null;
    }
    int taps = g.fH() * g.fW();
    int[] wi = new int[taps * c];
    int[] base = bias.clone();
    for (int t = 0; t < taps; t++) {
      for (int ch = 0; ch < c; ch++) {
        int v = w[t * c + ch] + filterOffset;
        wi[t * c + ch] = v;
        base[ch] -= inZp * v;
      }
    }
    Requant rq = new Requant(base, mq[0], mq[1], outZp, range[0], range[1]);
    return new DepthwisePacked(g, wi, unsigned, (byte) inZp, rq, ti, to, parallel);
  }

  @Override
  public void run(Memory m) {
    byte[] x = m.data[ti];
    int xo = m.offset[ti];
    int ic = g.inC();
    int rowBytes = g.inW() * ic;
    for (int b = 0; b < g.batches(); b++) {
      for (int iy = 0; iy < g.inH(); iy++) {
        System.arraycopy(
            x,
            xo + (b * g.inH() + iy) * rowBytes,
            padded,
            ((b * pH + iy + g.padH()) * pW + g.padW()) * ic,
            rowBytes);
      }
    }
    byte[] y = m.data[to];
    int yo = m.offset[to];
    int rows = g.batches() * g.outH();
    long work = (long) g.outW() * ic * tapOff.length;
    parallel.forRange(rows, work, (from, until, worker) -> rows(y, yo, from, until, worker));
  }

  private void rows(byte[] y, int yo, int from, int until, int worker) {
    int[] a = acc[worker];
    int ic = g.inC();
    int pixStride = g.strideW() * ic;
    int ow = g.outW();
    int mask = unsigned ? 0xFF : -1;
    for (int row = from; row < until; row++) {
      int b = row / g.outH();
      int oy = row % g.outH();
      int src = (b * pH + oy * g.strideH()) * pW * ic;
      int o = yo + row * ow * ic;
      for (int ox = 0; ox < ow; ox++, src += pixStride, o += ic) {
        int c = DotSimd.depthwisePixel(padded, src, unsigned, tapOff, w, ic, a);
        for (; c < ic; c++) {
          int sum = 0;
          for (int t = 0; t < tapOff.length; t++) {
            sum += w[t * ic + c] * (padded[src + tapOff[t] + c] & mask);
          }
          a[c] = sum;
        }
        requant.run(a, y, o);
      }
    }
  }
}
