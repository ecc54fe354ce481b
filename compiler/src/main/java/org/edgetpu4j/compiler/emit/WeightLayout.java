package org.edgetpu4j.compiler.emit;

import org.edgetpu4j.compiler.CompileException;

/**
 * Float weights reordered from a TensorFlow layout to TFLite's, with where their output channels
 * are.
 *
 * @param data values in TFLite order
 * @param shape TFLite shape
 * @param channelDim the output-channel dimension (0, or 3 for depthwise)
 * @param depthMultiplier the depthwise multiplier (1 for other layers)
 * @param layout the TF layout the weights came from
 */
record WeightLayout(
    float[] data, int[] shape, int channelDim, int depthMultiplier, WeightedLayers.Layout layout) {

  static WeightLayout reorder(TfRuntime.Value v, WeightedLayers.Layout layout, String where)
      throws CompileException {
    long[] s = v.shape();
    float[] in = v.data();
    switch (layout) {
      case CONV, TRANSPOSE_CONV -> {
        need(s, 4, where);
        int kh = (int) s[0];
        int kw = (int) s[1];
        // CONV: [kh, kw, in, out]; TRANSPOSE_CONV: [kh, kw, out, in]
        int ic = (int) (layout == WeightedLayers.Layout.CONV ? s[2] : s[3]);
        int oc = (int) (layout == WeightedLayers.Layout.CONV ? s[3] : s[2]);
        float[] out = new float[in.length];
        for (int o = 0; o < oc; o++) {
          for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
              for (int i = 0; i < ic; i++) {
                int src =
                    layout == WeightedLayers.Layout.CONV
                        ? ((y * kw + x) * ic + i) * oc + o
                        : ((y * kw + x) * oc + o) * ic + i;
                out[((o * kh + y) * kw + x) * ic + i] = in[src];
              }
            }
          }
        }
        return new WeightLayout(out, new int[] {oc, kh, kw, ic}, 0, 1, layout);
      }
      case DEPTHWISE -> {
        need(s, 4, where);
        int channels = (int) (s[2] * s[3]);
        return new WeightLayout(
            in.clone(), new int[] {1, (int) s[0], (int) s[1], channels}, 3, (int) s[3], layout);
      }
      case MATMUL -> {
        need(s, 2, where);
        int rows = (int) s[0];
        int cols = (int) s[1];
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
          for (int c = 0; c < cols; c++) {
            out[c * rows + r] = in[r * cols + c];
          }
        }
        return new WeightLayout(out, new int[] {cols, rows}, 0, 1, layout);
      }
      default -> {
        need(s, 2, where);
        return new WeightLayout(in.clone(), new int[] {(int) s[0], (int) s[1]}, 0, 1, layout);
      }
    }
  }

  /** The output channel of element {@code i}. */
  int channelOf(int i) {
    if (channelDim == 0) {
      return i / (data.length / shape[0]);
    }
    return i % shape[channelDim];
  }

  /**
   * Per-channel FakeQuant parameters spread over the TFLite channels: TF quantizes along its last
   * weight dimension, which for depthwise weights is the multiplier, repeated for every input
   * channel.
   */
  static Quant expandPerChannel(Quant q, int channels, WeightedLayers.Layout layout, String where)
      throws CompileException {
    int n = q.scales().length;
    if (n == 1 || n == channels) {
      return q;
    }
    if (layout == WeightedLayers.Layout.DEPTHWISE && channels % n == 0) {
      double[] scales = new double[channels];
      long[] zps = new long[channels];
      for (int k = 0; k < channels; k++) {
        scales[k] = q.scales()[k % n];
        zps[k] = q.zeroPoints()[k % n];
      }
      return new Quant(scales, zps, q.dimension(), q.qmin(), q.qmax());
    }
    throw new CompileException(
        where
            + ": its weight FakeQuant has "
            + n
            + " per-channel ranges for "
            + channels
            + " output channels");
  }

  /**
   * Parameters from the weights themselves when no FakeQuant gives them: int8 symmetric per-channel
   * with a narrow range, or uint8 asymmetric per-tensor.
   */
  static Quant fromData(WeightLayout w, boolean signed) {
    if (signed) {
      int channels = w.shape[w.channelDim];
      double[] mins = new double[channels];
      double[] maxs = new double[channels];
      for (int i = 0; i < w.data.length; i++) {
        int c = w.channelOf(i);
        maxs[c] = Math.max(maxs[c], Math.abs(w.data[i]));
      }
      for (int c = 0; c < channels; c++) {
        mins[c] = -maxs[c];
      }
      return Quant.fromRange(mins, maxs, 8, true, true, w.channelDim);
    }
    double min = 0;
    double max = 0;
    for (float x : w.data) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return Quant.fromRange(new double[] {min}, new double[] {max}, 8, true, false, 0);
  }

  private static void need(long[] shape, int rank, String where) throws CompileException {
    if (shape.length != rank) {
      throw new CompileException(
          where + ": weights of rank " + shape.length + "; expected " + rank);
    }
  }
}
