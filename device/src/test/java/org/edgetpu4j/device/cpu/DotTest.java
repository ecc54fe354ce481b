package org.edgetpu4j.device.cpu;

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
}
