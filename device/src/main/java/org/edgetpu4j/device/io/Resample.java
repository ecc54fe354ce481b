package org.edgetpu4j.device.io;

/**
 * Resizes single-channel float images: area averaging when shrinking (every source pixel counts by
 * the fraction of it an output pixel covers), bilinear interpolation between pixel centres when
 * growing. Separable: rows first, then columns.
 */
final class Resample {
  private Resample() {}

  /** {@code src} is {@code w x h}, row-major; the result is {@code nw x nh}. */
  static float[] resize(float[] src, int w, int h, int nw, int nh) {
    if (w == nw && h == nh) {
      return src.clone();
    }
    float[] rows = new float[nw * h];
    for (int y = 0; y < h; y++) {
      resample1d(src, y * w, 1, w, rows, y * nw, 1, nw);
    }
    float[] out = new float[nw * nh];
    for (int x = 0; x < nw; x++) {
      resample1d(rows, x, nw, h, out, x, nw, nh);
    }
    return out;
  }

  private static void resample1d(
      float[] src, int so, int ss, int n, float[] dst, int d0, int ds, int m) {
    double scale = (double) n / m;
    for (int i = 0; i < m; i++) {
      double v;
      if (scale > 1) {
        double a = i * scale;
        double b = a + scale;
        double sum = 0;
        for (int k = (int) Math.floor(a); k < Math.min(n, (int) Math.ceil(b)); k++) {
          double cover = Math.min(b, k + 1) - Math.max(a, k);
          sum += cover * src[so + k * ss];
        }
        v = sum / scale;
      } else {
        double c = (i + 0.5) * scale - 0.5;
        int k0 = (int) Math.floor(c);
        double f = c - k0;
        int a = Math.max(0, Math.min(n - 1, k0));
        int b = Math.max(0, Math.min(n - 1, k0 + 1));
        v = (1 - f) * src[so + a * ss] + f * src[so + b * ss];
      }
      dst[d0 + i * ds] = (float) v;
    }
  }
}
