package org.edgetpu4j.device.cpu.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden values of the fixed-point primitives, worked out by hand from their definitions. */
class QuantMathTest {
  @Test
  void quantizeMultiplierSplitsIntoQ31MantissaAndExponent() {
    assertThat(QuantMath.quantizeMultiplier(0.5)).isEqualTo(new QuantMath.Multiplier(1 << 30, 0));
    assertThat(QuantMath.quantizeMultiplier(1.0)).isEqualTo(new QuantMath.Multiplier(1 << 30, 1));
    assertThat(QuantMath.quantizeMultiplier(0.75))
        .isEqualTo(new QuantMath.Multiplier(1610612736, 0));
    assertThat(QuantMath.quantizeMultiplier(0.1))
        .isEqualTo(new QuantMath.Multiplier(1717986918, -3));
    assertThat(QuantMath.quantizeMultiplier(0.0)).isEqualTo(new QuantMath.Multiplier(0, 0));
    // a mantissa that rounds up to 2^31 is renormalised
    assertThat(QuantMath.quantizeMultiplier(Math.nextDown(1.0)))
        .isEqualTo(new QuantMath.Multiplier(1 << 30, 1));
    // below 2^-32 flushes to zero
    assertThat(QuantMath.quantizeMultiplier(1e-12)).isEqualTo(new QuantMath.Multiplier(0, 0));
  }

  @Test
  void saturatingRoundingDoublingHighMulRoundsLikeGemmlowp() {
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30)).isEqualTo(1 << 29);
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE))
        .isEqualTo(Integer.MAX_VALUE);
    // 3 * 2^30 / 2^31 = 1.5 -> 2; the negative nudge is 1 - 2^30, so -1.5 -> -1
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(3, 1 << 30)).isEqualTo(2);
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(-3, 1 << 30)).isEqualTo(-1);
    // 0.5 -> 1, -0.5 -> 0
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(1, 1 << 30)).isEqualTo(1);
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(-1, 1 << 30)).isEqualTo(0);
    assertThat(QuantMath.saturatingRoundingDoublingHighMul(-5, 1 << 30)).isEqualTo(-2);
  }

  @Test
  void roundingDivideByPotRoundsHalfAwayFromZero() {
    assertThat(QuantMath.roundingDivideByPot(5, 1)).isEqualTo(3);
    assertThat(QuantMath.roundingDivideByPot(-5, 1)).isEqualTo(-3);
    assertThat(QuantMath.roundingDivideByPot(4, 1)).isEqualTo(2);
    assertThat(QuantMath.roundingDivideByPot(-6, 2)).isEqualTo(-2);
    assertThat(QuantMath.roundingDivideByPot(-5, 2)).isEqualTo(-1);
    assertThat(QuantMath.roundingDivideByPot(7, 0)).isEqualTo(7);
  }

  @Test
  void multiplyByQuantizedMultiplierUsesDoubleRounding() {
    QuantMath.Multiplier tenth = QuantMath.quantizeMultiplier(0.1);
    assertThat(QuantMath.multiply(1000, tenth)).isEqualTo(100);
    assertThat(QuantMath.multiply(-1000, tenth)).isEqualTo(-100);
    assertThat(QuantMath.multiply(15, tenth)).isEqualTo(2); // 1.5 -> 2
    assertThat(QuantMath.multiply(-15, tenth)).isEqualTo(-2);
    QuantMath.Multiplier three = QuantMath.quantizeMultiplier(3.0);
    assertThat(QuantMath.multiply(7, three)).isEqualTo(21);
    // double rounding: 2^-1 * (x=3) -> high mul 1.5 -> 2 ... versus 2^-2 on the shift
    assertThat(QuantMath.multiplyByQuantizedMultiplier(3, 1 << 30, -1)).isEqualTo(1);
  }

  @Test
  void invSqrtMultiplierApproximatesOneOverSqrt() {
    for (int v : new int[] {2, 10, 1000, 123456, 1 << 20, Integer.MAX_VALUE / 3}) {
      QuantMath.Multiplier m = QuantMath.invSqrtQuantizedMultiplierExp(v, -1);
      double approx = m.multiplier() * Math.pow(2, m.shift() - 31);
      assertThat(approx)
          .isCloseTo(1 / Math.sqrt(v), org.assertj.core.data.Percentage.withPercentage(0.1));
    }
    assertThat(QuantMath.invSqrtQuantizedMultiplierExp(1, -1))
        .isEqualTo(new QuantMath.Multiplier(Integer.MAX_VALUE, 0));
  }

  @Test
  void lookupTableQuantizesTheTransformedValue() {
    // identity from scale 0.5 zp 0 to scale 0.25 zp -128: q_out = 2 q_in - 128, clamped
    byte[] t = QuantMath.lut8(true, 0.5f, 0, 0.25f, -128, x -> x);
    assertThat(t[10 & 0xFF]).isEqualTo((byte) -108);
    assertThat(t[127]).isEqualTo((byte) 126);
    assertThat(t[(byte) -100 & 0xFF]).isEqualTo((byte) -128);
  }
}
