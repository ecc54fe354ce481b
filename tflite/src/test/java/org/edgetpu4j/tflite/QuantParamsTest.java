package org.edgetpu4j.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantParamsTest {
  @Test
  void quantizeRoundsHalfAwayFromZeroAndClamps() {
    QuantParams q = QuantParams.perTensor(0.5f, -128);
    assertThat(q.quantize(0.25f, -128, 127)).isEqualTo(-127); // 0.5 rounds up
    assertThat(q.quantize(-0.25f, -128, 127)).isEqualTo(-128); // -0.5 rounds to -1, clamped
    assertThat(QuantParams.perTensor(1f, 0).quantize(-2.5f, -128, 127)).isEqualTo(-3);
    assertThat(QuantParams.perTensor(1f, 0).quantize(2.5f, -128, 127)).isEqualTo(3);
    assertThat(q.quantize(1000f, -128, 127)).isEqualTo(127);
    assertThat(QuantParams.perTensor(1 / 255f, 0).quantize(1f, 0, 255)).isEqualTo(255);
  }

  @Test
  void dequantizeUsesScaleAndZeroPoint() {
    QuantParams q = QuantParams.perTensor(0.25f, 10);
    assertThat(q.dequantize(14)).isEqualTo(1.0f);
    assertThat(q.dequantize(10)).isEqualTo(0f);
  }

  @Test
  void perChannelAndEmptiness() {
    QuantParams pc = QuantParams.perChannel(new float[] {1, 2}, new long[] {0, 0}, 3);
    assertThat(pc.isPerChannel()).isTrue();
    assertThat(pc.isQuantized()).isTrue();
    assertThat(QuantParams.NONE.isQuantized()).isFalse();
    assertThat(QuantParams.NONE.isEmpty()).isTrue();
  }
}
