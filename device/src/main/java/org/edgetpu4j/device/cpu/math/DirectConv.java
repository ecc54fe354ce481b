package org.edgetpu4j.device.cpu.math;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.kernels.Conv2D;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * The int8 convolution step without an im2col copy: the input is copied once per run into a buffer
 * with a border of the input zero point (so padded taps add nothing, as in the im2col form), and
 * every window is then read in place, filter row by filter row, against the transposed weights of
 * {@link QuantRows}. Used only with the vector path and a filter without zero point; the arithmetic
 * equals {@link QuantRows}.
 */
public final class DirectConv implements Step {
  private final Conv2D.Geometry g;
  private final int[] wT;
  private final int ocPad;
  private final Requant requant;
  private final Requant requant4;
  private final int ti;
  private final int to;
  private final int[] acc;
  private final int[] tapOff;
  private final byte[] padded;
  private final int pH;
  private final int pW;

  private DirectConv(Conv2D.Geometry g, QuantRows rows, int ti, int to, byte pad) {
    this.g = g;
    this.wT = rows.transposed();
    this.ocPad = rows.ocPad();
    this.requant = rows.requant();
    // four pixels' sums lie back to back when no channel padding separates them
    this.requant4 = ocPad == requant.channels ? requant.repeat(4) : null;
    this.ti = ti;
    this.to = to;
    this.acc = new int[4 * ocPad];
    int ic = g.inC();
    // rows and columns the windows reach, from -pad up to the last tap of the last pixel
    this.pH =
        Math.max(g.inH(), (g.outH() - 1) * g.strideH() + (g.fH() - 1) * g.dilH() + 1 - g.padH())
            + g.padH();
    this.pW =
        Math.max(g.inW(), (g.outW() - 1) * g.strideW() + (g.fW() - 1) * g.dilW() + 1 - g.padW())
            + g.padW();
    this.padded = new byte[Math.multiplyExact(Math.multiplyExact(g.batches() * pH, pW), ic)];
    Arrays.fill(padded, pad);
    int seg = g.fW() * ic;
    this.tapOff = new int[g.fH() * seg];
    for (int fy = 0; fy < g.fH(); fy++) {
      for (int i = 0; i < seg; i++) {
        tapOff[fy * seg + i] = fy * g.dilH() * pW * ic + i;
      }
    }
  }

  /** The direct step, or null when the convolution does not fit it. */
  public static Step of(Conv2D.Geometry g, QuantRows rows, int ti, int to, byte pad, boolean flip) {
    if (flip
        || rows.transposed() == null
        || !rows.symmetricFilter()
        || g.dilW() != 1
        || g.padH() < 0
        || g.padW() < 0
        || (long) g.batches()
                * (g.inH() + 2L * g.fH() * g.dilH())
                * (g.inW() + 2L * g.fW())
                * g.inC()
            > (1 << 26)) {
      return null;
    }
    return new DirectConv(g, rows, ti, to, pad);
  }

  @Override
  public void run(Memory m) {
    byte[] x = m.data[ti];
    int xo = m.offset[ti];
    byte[] y = m.data[to];
    int o = m.offset[to];
    int oc = requant.channels;
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
    int pixStride = g.strideW() * ic;
    int ow = g.outW();
    for (int b = 0; b < g.batches(); b++) {
      for (int oy = 0; oy < g.outH(); oy++) {
        int src = (b * pH + oy * g.strideH()) * pW * ic;
        int ox = 0;
        for (; ox + 4 <= ow; ox += 4) {
          DotSimd.window4(padded, src, pixStride, tapOff, wT, ocPad, acc);
          src += 4 * pixStride;
          if (requant4 != null) {
            requant4.run(acc, y, o);
            o += 4 * oc;
          } else {
            for (int r = 0; r < 4; r++) {
              requant.run(acc, r * ocPad, 0, y, o);
              o += oc;
            }
          }
        }
        for (; ox < ow; ox++) {
          DotSimd.window1(padded, src, tapOff, wT, ocPad, acc);
          src += pixStride;
          requant.run(acc, 0, 0, y, o);
          o += oc;
        }
      }
    }
  }
}
