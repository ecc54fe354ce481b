package org.edgetpu4j.examples.report;

/**
 * How closely two models' outputs agree on the same images: the error metrics of the classic
 * QAT-versus-TFLite comparison.
 *
 * @param name which pair (for example {@code "QAT fake-quant vs QAT int8"})
 * @param maxAbsError largest |a - b| over all outputs
 * @param maxRelError largest |a - b| / |b| over outputs with |b| above {@link #REL_FLOOR}
 * @param meanAbsError mean |a - b|
 * @param notClosePercent share of outputs with |a - b| > {@link #ATOL} + {@link #RTOL}·|b|, in %
 * @param argmaxAgreementPercent share of images where both pick the same class, in %
 */
public record Agreement(
    String name,
    double maxAbsError,
    double maxRelError,
    double meanAbsError,
    double notClosePercent,
    double argmaxAgreementPercent) {

  /** Absolute tolerance of "close": one int8 step of a [0, 1] probability output. */
  public static final double ATOL = 1.0 / 256;

  /** Relative tolerance of "close". */
  public static final double RTOL = 0.01;

  /** Outputs smaller than this are left out of the relative error. */
  public static final double REL_FLOOR = 1e-3;

  /** Compares outputs {@code a} against reference {@code b}, {@code classes} values per image. */
  public static Agreement of(String name, float[] a, float[] b, int classes) {
    if (a.length != b.length || a.length % classes != 0) {
      throw new IllegalArgumentException(
          name
              + ": "
              + a.length
              + " and "
              + b.length
              + " outputs do not form images of "
              + classes
              + " classes");
    }
    double maxAbs = 0;
    double maxRel = 0;
    double sum = 0;
    long notClose = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs((double) a[i] - b[i]);
      maxAbs = Math.max(maxAbs, d);
      if (Math.abs(b[i]) > REL_FLOOR) {
        maxRel = Math.max(maxRel, d / Math.abs(b[i]));
      }
      sum += d;
      if (d > ATOL + RTOL * Math.abs(b[i])) {
        notClose++;
      }
    }
    int images = a.length / classes;
    int same = 0;
    for (int n = 0; n < images; n++) {
      if (argmax(a, n * classes, classes) == argmax(b, n * classes, classes)) {
        same++;
      }
    }
    return new Agreement(
        name,
        maxAbs,
        maxRel,
        sum / Math.max(1, a.length),
        100.0 * notClose / Math.max(1, a.length),
        100.0 * same / Math.max(1, images));
  }

  /** Index of the largest of {@code n} values starting at {@code from}, relative to it. */
  public static int argmax(float[] v, int from, int n) {
    int best = 0;
    for (int k = 1; k < n; k++) {
      if (v[from + k] > v[from + best]) {
        best = k;
      }
    }
    return best;
  }
}
