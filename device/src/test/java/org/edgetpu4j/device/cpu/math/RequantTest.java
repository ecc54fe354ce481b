package org.edgetpu4j.device.cpu.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector requantization gives the bits of the scalar {@link QuantMath} path. */
class RequantTest {
  @Test
  void vectorPathIsActiveInTests() {
    assertThat(Requant.SIMD).isTrue();
  }

  @Test
  void vectorAndScalarAgreeOnRandomAndExtremeValues() {
    Random r = new Random(7);
    int[] specials = {
      0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, -(1 << 30), 12345, -12345
    };
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + r.nextInt(70);
      int[] base = new int[n];
      int[] mult = new int[n];
      int[] shift = new int[n];
      int[] acc = new int[n];
      for (int c = 0; c < n; c++) {
        base[c] = trial % 3 == 0 ? r.nextInt() : r.nextInt(20001) - 10000;
        mult[c] = r.nextInt(8) == 0 ? 0 : (1 << 30) + r.nextInt(1 << 30);
        if (r.nextInt(10) == 0) {
          mult[c] = Integer.MAX_VALUE;
        }
        shift[c] = r.nextInt(10) == 0 ? r.nextInt(8) : -r.nextInt(32);
        acc[c] =
            r.nextInt(4) == 0
                ? specials[r.nextInt(specials.length)]
                : r.nextInt(2_000_001) - 1_000_000;
      }
      int lo = trial % 2 == 0 ? -128 : 0;
      int hi = trial % 4 == 1 ? 6 : 127;
      int zp = r.nextInt(256) - 128;
      int extra = trial % 5 == 0 ? r.nextInt(1001) - 500 : 0;
      Requant q = new Requant(base, mult, shift, zp, lo, hi);
      byte[] vec = new byte[n + 3];
      byte[] ref = new byte[n + 3];
      q.run(acc, extra, vec, 3);
      q.runScalar(acc, extra, ref, 3);
      assertThat(vec).as("trial %d", trial).isEqualTo(ref);
    }
  }

  @Test
  void everyRoundingTieOfEveryShiftMatches() {
    int n = 32;
    int[] shift = new int[n];
    int[] mult = new int[n];
    for (int c = 0; c < n; c++) {
      shift[c] = -c;
      mult[c] = 1 << 30;
    }
    Requant q = new Requant(new int[n], mult, shift, 0, -128, 127);
    for (int v = -3000; v <= 3000; v++) {
      int[] acc = new int[n];
      java.util.Arrays.fill(acc, v);
      byte[] vec = new byte[n];
      byte[] ref = new byte[n];
      q.run(acc, 0, vec, 0);
      q.runScalar(acc, 0, ref, 0);
      assertThat(vec).as("value %d", v).isEqualTo(ref);
    }
  }

  @Test
  void repeatedChannelsEqualPixelByPixel() {
    Random r = new Random(11);
    int n = 8;
    int[] base = new int[n];
    int[] mult = new int[n];
    int[] shift = new int[n];
    for (int c = 0; c < n; c++) {
      base[c] = r.nextInt(20001) - 10000;
      mult[c] = (1 << 30) + r.nextInt(1 << 30);
      shift[c] = r.nextInt(12) - 10;
    }
    Requant q = new Requant(base, mult, shift, -128, -128, 127);
    Requant q4 = q.repeat(4);
    int[] acc = new int[4 * n];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = r.nextInt(1 << 22) - (1 << 21);
    }
    byte[] once = new byte[4 * n];
    q4.run(acc, once, 0);
    byte[] each = new byte[4 * n];
    for (int p = 0; p < 4; p++) {
      q.run(acc, p * n, 0, each, p * n);
    }
    byte[] scalar = new byte[4 * n];
    for (int i = 0; i < acc.length; i++) {
      scalar[i] = q.scalar(acc[i], i % n);
    }
    assertThat(once).isEqualTo(each).isEqualTo(scalar);
  }
}
