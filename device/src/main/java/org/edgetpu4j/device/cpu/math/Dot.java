package org.edgetpu4j.device.cpu.math;

/**
 * Signed 8-bit dot products with 32-bit accumulation, the inner loop of convolutions and fully
 * connected layers. When the {@code jdk.incubator.vector} module is available (the launcher adds
 * it) the {@link DotSimd} path is used; the scalar path gives the same bits, because integer sums
 * do not depend on order. The system property {@code edgetpu4j.simd=false} forces the scalar path.
 */
public final class Dot {
  /** True when the vector path is used. */
  public static final boolean SIMD = simd();

  private static boolean simd() {
    if ("false".equals(System.getProperty("edgetpu4j.simd"))) {
      return false;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      org.slf4j.LoggerFactory.getLogger("org.edgetpu4j.device.cpu.Interpreter")
          .info(
              "Vector API not loaded: integer kernels run on the scalar path (same results,"
                  + " slower); start java with --add-modules jdk.incubator.vector to turn it on");
      return false;
    }
    return DotSimd.lanes() >= 8;
  }

  private Dot() {}

  /** {@code sum(a[ao + i] * b[bo + i])} for {@code i < k}. */
  public static int dot(byte[] a, int ao, byte[] b, int bo, int k) {
    return SIMD ? DotSimd.dot(a, ao, b, bo, k) : dotScalar(a, ao, b, bo, k);
  }

  static int dotScalar(byte[] a, int ao, byte[] b, int bo, int k) {
    int acc = 0;
    for (int i = 0; i < k; i++) {
      acc += a[ao + i] * b[bo + i];
    }
    return acc;
  }

  /**
   * Four dot products of one vector {@code a} with four rows of {@code b} ({@code rowStride}
   * apart), written to {@code out[0..3]}.
   */
  static void dot4(byte[] a, int ao, byte[] b, int bo, int rowStride, int k, int[] out) {
    if (SIMD) {
      DotSimd.dot4(a, ao, b, bo, rowStride, k, out);
      return;
    }
    for (int r = 0; r < 4; r++) {
      out[r] = dotScalar(a, ao, b, bo + r * rowStride, k);
    }
  }
}
