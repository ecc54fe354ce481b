package org.edgetpu4j.device.cpu.math;

/**
 * The quantized inner product shared by CONV_2D (on an im2col patch) and FULLY_CONNECTED (on an
 * input row): for every output channel {@code c}, {@code sum_k (w[c,k] + filterOffset) * (x[k] +
 * inputOffset) + bias[c]}, requantized with the channel's multiplier, shifted by the output zero
 * point and clamped. Inputs and weights are signed bytes; the offsets are expanded so that the
 * inner loop is a plain byte dot product. Immutable apart from a four-int scratch array, so one
 * instance serves one interpreter.
 */
public final class QuantRows {
  private final byte[] weights;
  private final int depth;
  private final int channels;
  private final int filterOffset;
  private final Requant requant;
  private final int[] tmp = new int[4];
  private final int[] row;
  private final int[] transposed;
  private final int ocPad;
  private final int[] acc;

  public QuantRows(
      byte[] weights,
      int depth,
      int channels,
      int inputOffset,
      int filterOffset,
      int[] bias,
      int[][] multipliers,
      int outZp,
      int[] range) {
    this.weights = weights;
    this.depth = depth;
    this.channels = channels;
    this.filterOffset = filterOffset;
    int[] base = new int[channels];
    for (int c = 0; c < channels; c++) {
      int sum = 0;
      for (int k = 0; k < depth; k++) {
        sum += weights[c * depth + k];
      }
      base[c] = bias[c] + inputOffset * sum + depth * inputOffset * filterOffset;
    }
    this.requant = new Requant(base, multipliers[0], multipliers[1], outZp, range[0], range[1]);
    boolean outer = Dot.SIMD && OUTER && channels >= DotSimd.lanes() && depth <= 512;
    ocPad = outer ? (channels + DotSimd.lanes() - 1) / DotSimd.lanes() * DotSimd.lanes() : 0;
    transposed = outer ? new int[depth * ocPad] : null;
    acc = outer ? new int[4 * ocPad] : null;
    row = new int[channels];
    if (outer) {
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < depth; k++) {
          transposed[k * ocPad + c] = weights[c * depth + k];
        }
      }
    }
  }

  /** Weights transposed to {@code [depth][ocPad]} ints, or null when the outer form is off. */
  public int[] transposed() {
    return transposed;
  }

  /** Channel count rounded up to whole vectors (outer form only). */
  int ocPad() {
    return ocPad;
  }

  /** True when the filter has no zero-point offset (the input sum term vanishes). */
  boolean symmetricFilter() {
    return filterOffset == 0;
  }

  /** The per-channel requantization. */
  Requant requant() {
    return requant;
  }

  private static final boolean OUTER = !Boolean.getBoolean("edgetpu4j.noouter");

  /**
   * Computes all channels for four signed input vectors at {@code x[xo..]}, {@code stride} bytes
   * apart, into {@code out[oo..]}, {@code outStride} bytes apart.
   */
  public void run4(byte[] x, int xo, int stride, byte[] out, int oo, int outStride) {
    if (transposed == null) {
      for (int r = 0; r < 4; r++) {
        run(x, xo + r * stride, out, oo + r * outStride);
      }
      return;
    }
    DotSimd.outer4(x, xo, stride, depth, transposed, ocPad, acc);
    for (int r = 0; r < 4; r++) {
      requant.run(acc, r * ocPad, extra(x, xo + r * stride), out, oo + r * outStride);
    }
  }

  private int extra(byte[] x, int xo) {
    if (filterOffset == 0) {
      return 0;
    }
    int sum = 0;
    for (int k = 0; k < depth; k++) {
      sum += x[xo + k];
    }
    return filterOffset * sum;
  }

  /**
   * Computes all channels for the signed input vector at {@code x[xo..]} into {@code out[oo..]}.
   */
  public void run(byte[] x, int xo, byte[] out, int oo) {
    int extra = extra(x, xo);
    if (transposed != null) {
      DotSimd.outer(x, xo, depth, transposed, ocPad, acc);
      requant.run(acc, extra, out, oo);
      return;
    }
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      Dot.dot4(x, xo, weights, c * depth, depth, depth, tmp);
      row[c] = tmp[0];
      row[c + 1] = tmp[1];
      row[c + 2] = tmp[2];
      row[c + 3] = tmp[3];
    }
    for (; c < channels; c++) {
      row[c] = Dot.dot(x, xo, weights, c * depth, depth);
    }
    requant.run(row, extra, out, oo);
  }
}
