package org.edgetpu4j.device.cpu.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector and scalar dot products give the same bits. */
class DotTest {
  @Test
  void vectorPathIsActiveInTests() {
    assertThat(Dot.SIMD).isTrue();
  }

  @Test
  void vectorAndScalarAgreeOnRandomData() {
    Random r = new Random(42);
    for (int k : new int[] {1, 7, 8, 9, 16, 31, 64, 100, 784, 1000}) {
      byte[] a = new byte[k + 5];
      byte[] b = new byte[4 * (k + 3) + 5];
      r.nextBytes(a);
      r.nextBytes(b);
      int[] out = new int[4];
      DotSimd.dot4(a, 5, b, 2, k + 3, k, out);
      for (int row = 0; row < 4; row++) {
        int scalar = Dot.dotScalar(a, 5, b, 2 + row * (k + 3), k);
        assertThat(DotSimd.dot(a, 5, b, 2 + row * (k + 3), k)).isEqualTo(scalar);
        assertThat(out[row]).isEqualTo(scalar);
      }
    }
  }

  @Test
  void extremeValuesDoNotOverflowDifferently() {
    byte[] a = new byte[4096];
    byte[] b = new byte[4096];
    java.util.Arrays.fill(a, (byte) -128);
    java.util.Arrays.fill(b, (byte) -128);
    assertThat(DotSimd.dot(a, 0, b, 0, 4096)).isEqualTo(Dot.dotScalar(a, 0, b, 0, 4096));
    assertThat(Dot.dotScalar(a, 0, b, 0, 4096)).isEqualTo(4096 * 16384);
  }

  @Test
  void fourPixelOuterProductEqualsScalarDots() {
    Random r = new Random(3);
    int lanes = DotSimd.lanes();
    for (int k : new int[] {1, 9, 72, 130}) {
      for (int oc : new int[] {lanes, 2 * lanes, 3 * lanes}) {
        byte[] w = new byte[oc * k];
        r.nextBytes(w);
        int[] wT = new int[k * oc];
        for (int c = 0; c < oc; c++) {
          for (int i = 0; i < k; i++) {
            wT[i * oc + c] = w[c * k + i];
          }
        }
        int stride = k + 2;
        byte[] x = new byte[1 + 4 * stride];
        r.nextBytes(x);
        int[] acc = new int[4 * oc];
        DotSimd.outer4(x, 1, stride, k, wT, oc, acc);
        for (int p = 0; p < 4; p++) {
          for (int c = 0; c < oc; c++) {
            assertThat(acc[p * oc + c]).isEqualTo(Dot.dotScalar(x, 1 + p * stride, w, c * k, k));
          }
        }
      }
    }
  }
}
