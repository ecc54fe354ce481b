package org.edgetpu4j.device.cpu;

/**
 * The int8 convolution step without an im2col copy for output pixels whose window lies inside the
 * input: each filter row is a contiguous run of {@code fW * inC} input bytes, accumulated straight
 * from the activation against the transposed weights of {@link QuantRows}. Pixels whose window
 * touches the padding go through the im2col patch, so they keep the zero-point fill. Used only with
 * the vector path and a filter without zero point; the arithmetic equals {@link QuantRows}.
 */
final class DirectConv implements Step {
  private final Conv2D.Geometry g;
  private final QuantRows rows;
  private final int[] wT;
  private final int ocPad;
  private final Requant requant;
  private final int ti;
  private final int to;
  private final byte pad;
  private final byte[] patch;
  private final int[] acc;
  private final int oxLo;
  private final int oxHi;
  private final int[] tapOff;

  private DirectConv(Conv2D.Geometry g, QuantRows rows, int ti, int to, byte pad) {
    this.g = g;
    this.rows = rows;
    this.wT = rows.transposed();
    this.ocPad = rows.ocPad();
    this.requant = rows.requant();
    this.ti = ti;
    this.to = to;
    this.pad = pad;
    this.patch = new byte[g.fH() * g.fW() * g.inC()];
    this.acc = new int[4 * ocPad];
    int seg = g.fW() * g.inC();
    this.tapOff = new int[g.fH() * seg];
    for (int fy = 0; fy < g.fH(); fy++) {
      for (int i = 0; i < seg; i++) {
        tapOff[fy * seg + i] = fy * g.dilH() * g.inW() * g.inC() + i;
      }
    }
    // first and last output column whose window lies inside the input
    this.oxLo = (g.padW() + g.strideW() - 1) / g.strideW();
    int last = g.inW() - (g.fW() - 1) * g.dilW() - 1 + g.padW();
    this.oxHi = last < 0 ? -1 : Math.min(g.outW() - 1, last / g.strideW());
  }

  /** The direct step, or null when the convolution does not fit it. */
  static Step of(Conv2D.Geometry g, QuantRows rows, int ti, int to, byte pad, boolean flip) {
    if (flip || rows.transposed() == null || !rows.symmetricFilter() || g.dilW() != 1) {
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
    int pixStride = g.strideW() * ic;
    for (int b = 0; b < g.batches(); b++) {
      for (int oy = 0; oy < g.outH(); oy++) {
        int iy0 = oy * g.strideH() - g.padH();
        boolean inside = iy0 >= 0 && iy0 + (g.fH() - 1) * g.dilH() < g.inH();
        int lo = inside ? Math.min(oxLo, g.outW()) : g.outW();
        int hi = inside ? oxHi : -1;
        int ox = 0;
        for (; ox < lo; ox++) {
          border(x, xo, b, oy, ox, y, o);
          o += oc;
        }
        int rowBase = xo + ((b * g.inH() + iy0) * g.inW()) * ic;
        for (; ox + 3 <= hi; ox += 4) {
          int src = rowBase + (ox * g.strideW() - g.padW()) * ic;
          DotSimd.window4(x, src, pixStride, tapOff, wT, ocPad, acc);
          for (int r = 0; r < 4; r++) {
            requant.run(acc, r * ocPad, 0, y, o);
            o += oc;
          }
        }
        for (; ox <= hi; ox++) {
          int src = rowBase + (ox * g.strideW() - g.padW()) * ic;
          DotSimd.window1(x, src, tapOff, wT, ocPad, acc);
          requant.run(acc, 0, 0, y, o);
          o += oc;
        }
        for (; ox < g.outW(); ox++) {
          border(x, xo, b, oy, ox, y, o);
          o += oc;
        }
      }
    }
  }

  private void border(byte[] x, int xo, int b, int oy, int ox, byte[] y, int o) {
    Conv2D.im2col(g, x, xo, b, oy, ox, patch, 0, pad, false);
    rows.run(patch, 0, y, o);
  }
}
