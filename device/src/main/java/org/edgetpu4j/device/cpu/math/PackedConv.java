package org.edgetpu4j.device.cpu.math;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.kernels.Conv2D;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Parallel;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * The 8-bit convolution step of the vector path, GEMM style with weights packed at load.
 *
 * <p>Weights are stored as {@code int[depth][ocPad]} holding the true filter values {@code w -
 * filter_zero_point}, so one vector load serves a block of output channels at one depth step. The
 * input is read as raw values (sign-extended for int8, zero-extended for uint8) and the input zero
 * point is folded into a per-channel constant: {@code sum (w - wz)(x - xz) = sum (w - wz) x - xz
 * sum (w - wz)}. Windows are read in place through a table of tap offsets; when the windows reach
 * beyond the input, the input is first copied into a buffer bordered by the input zero point (whose
 * taps then add {@code (w - wz) xz}, cancelled by the constant, as TFLite skips them). Output rows
 * are split over the {@link Parallel} threads; each row is computed the same way whichever thread
 * runs it. Sums are exact in int32, so the result equals the reference form bit for bit; the
 * requantization is {@link Requant}'s.
 */
public final class PackedConv implements Step {
  private final Conv2D.Geometry g;
  private final int[] wT;
  private final int ocPad;
  private final int mask;
  private final Requant requant;
  private final Requant requant4;
  private final int ti;
  private final int to;
  private final int[][] acc;
  private final int[] tapOff;
  private final byte[] padded;
  private final int pH;
  private final int pW;
  private final Parallel parallel;

  private PackedConv(
      Conv2D.Geometry g,
      int[] wT,
      int ocPad,
      boolean unsigned,
      byte pad,
      Requant requant,
      int ti,
      int to,
      Parallel parallel) {
    this.g = g;
    this.wT = wT;
    this.ocPad = ocPad;
    this.mask = unsigned ? 0xFF : -1;
    this.requant = requant;
    this.requant4 = ocPad == requant.channels ? requant.repeat(4) : null;
    this.ti = ti;
    this.to = to;
    this.parallel = parallel;
    this.acc = new int[parallel.threads()][4 * ocPad];
    int ic = g.inC();
    int reachH = (g.outH() - 1) * g.strideH() + (g.fH() - 1) * g.dilH() + 1;
    int reachW = (g.outW() - 1) * g.strideW() + (g.fW() - 1) * g.dilW() + 1;
    boolean inPlace = g.padH() == 0 && g.padW() == 0 && reachH <= g.inH() && reachW <= g.inW();
    this.pH = inPlace ? g.inH() : Math.max(g.inH(), reachH - g.padH()) + g.padH();
    this.pW = inPlace ? g.inW() : Math.max(g.inW(), reachW - g.padW()) + g.padW();
    if (inPlace) {
      this.padded = null;
    } else {
      this.padded = new byte[Math.multiplyExact(Math.multiplyExact(g.batches() * pH, pW), ic)];
      Arrays.fill(padded, pad);
    }
    this.tapOff = new int[g.fH() * g.fW() * ic];
    int k = 0;
    for (int fy = 0; fy < g.fH(); fy++) {
      for (int fx = 0; fx < g.fW(); fx++) {
        for (int c = 0; c < ic; c++) {
          tapOff[k++] = (fy * g.dilH() * pW + fx * g.dilW()) * ic + c;
        }
      }
    }
  }

  /**
   * The packed step, or null when the vector path is off, padding is negative or the buffers would
   * be too large (the caller then uses the im2col form).
   *
   * @param w signed filter bytes {@code [oc][depth]} (uint8 shifted by -128)
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
    int oc = bias.length;
    int depth = g.fH() * g.fW() * g.inC();
    if (!Dot.SIMD
        || g.padH() < 0
        || g.padW() < 0
        || (long) depth * oc > (1 << 22)
        || (long) g.batches()
                * (g.inH() + 2L * g.fH() * g.dilH())
                * (g.inW() + 2L * g.fW() * g.dilW())
                * g.inC()
            > (1 << 26)) {
      return null;
    }
    int lanes = DotSimd.lanes();
    int ocPad = (oc + lanes - 1) / lanes * lanes;
    int[] wT = new int[depth * ocPad];
    int[] base = new int[oc];
    for (int c = 0; c < oc; c++) {
      int sum = 0;
      for (int k = 0; k < depth; k++) {
        int v = w[c * depth + k] + filterOffset;
        wT[k * ocPad + c] = v;
        sum += v;
      }
      base[c] = bias[c] - inZp * sum;
    }
    Requant rq = new Requant(base, mq[0], mq[1], outZp, range[0], range[1]);
    return new PackedConv(g, wT, ocPad, unsigned, (byte) inZp, rq, ti, to, parallel);
  }

  @Override
  public void run(Memory m) {
    byte[] x = m.data[ti];
    int xo = m.offset[ti];
    byte[] src = x;
    int so = xo;
    if (padded != null) {
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
      src = padded;
      so = 0;
    }
    byte[] in = src;
    int io = so;
    byte[] y = m.data[to];
    int yo = m.offset[to];
    int rows = g.batches() * g.outH();
    int grain = Math.max(1, (1 << 16) / Math.max(1, g.outW() * tapOff.length));
    parallel.forRange(
        rows, grain, (from, until, worker) -> rows(in, io, y, yo, from, until, worker));
  }

  private void rows(byte[] x, int xo, byte[] y, int yo, int from, int until, int worker) {
    int[] a = acc[worker];
    int oc = requant.channels;
    int ic = g.inC();
    int pixStride = g.strideW() * ic;
    int ow = g.outW();
    for (int row = from; row < until; row++) {
      int b = row / g.outH();
      int oy = row % g.outH();
      int src = xo + (b * pH + oy * g.strideH()) * pW * ic;
      int o = yo + row * ow * oc;
      int ox = 0;
      for (; ox + 4 <= ow; ox += 4) {
        DotSimd.window4(x, src, pixStride, mask, tapOff, wT, ocPad, a);
        src += 4 * pixStride;
        if (requant4 != null) {
          requant4.run(a, y, o);
          o += 4 * oc;
        } else {
          for (int r = 0; r < 4; r++) {
            requant.run(a, r * ocPad, 0, y, o);
            o += oc;
          }
        }
      }
      for (; ox < ow; ox++) {
        DotSimd.window1(x, src, mask, tapOff, wT, ocPad, a);
        src += pixStride;
        requant.run(a, 0, 0, y, o);
        o += oc;
      }
    }
  }
}
