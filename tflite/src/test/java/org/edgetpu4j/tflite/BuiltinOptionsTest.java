package org.edgetpu4j.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinOptionsTest {
  @Test
  void missingFieldsTakeSchemaDefaults() {
    BuiltinOptions conv =
        BuiltinOptions.of("Conv2DOptions", "padding", Padding.VALID, "stride_w", 2, "stride_h", 2);
    assertThat(conv.padding()).isEqualTo(Padding.VALID);
    assertThat(conv.getInt("stride_w")).isEqualTo(2);
    assertThat(conv.getInt("dilation_h_factor")).isEqualTo(1);
    assertThat(conv.fusedActivation()).isEqualTo(Activation.NONE);
  }

  @Test
  void equalityIsByCanonicalContent() {
    BuiltinOptions a = BuiltinOptions.of("ReshapeOptions", "new_shape", new int[] {1, 784});
    BuiltinOptions b =
        new BuiltinOptions("ReshapeOptions", Map.of("new_shape", LongArray.of(1L, 784L)));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.getInts("new_shape")).containsExactly(1, 784);
    assertThat(BuiltinOptions.of("SoftmaxOptions", "beta", 1))
        .isEqualTo(BuiltinOptions.of("SoftmaxOptions", "beta", 1.0f));
  }

  @Test
  void describeNamesEnumValues() {
    BuiltinOptions pool =
        BuiltinOptions.of("Pool2DOptions", "fused_activation_function", Activation.RELU6);
    assertThat(pool.describe())
        .containsEntry("padding", "SAME")
        .containsEntry("fused_activation_function", "RELU6");
    assertThat(pool.toString()).startsWith("Pool2DOptions{padding=SAME");
  }

  @Test
  void unknownTablesFieldsAndBadValuesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> BuiltinOptions.of("Conv2DOption"))
        .hasMessageContaining("'Conv2DOption' is not an options table");
    assertThatThrownBy(() -> BuiltinOptions.of("Conv2DOptions", "stride", 1))
        .hasMessageContaining("Conv2DOptions has no field 'stride'")
        .hasMessageContaining("stride_w");
    assertThatThrownBy(() -> BuiltinOptions.of("Conv2DOptions", "padding", 300))
        .hasMessageContaining("Conv2DOptions.padding: 300 does not fit a byte");
    assertThatThrownBy(() -> BuiltinOptions.of("Conv2DOptions", "stride_w", 1.5))
        .hasMessageContaining("expected an integer");
    assertThatThrownBy(() -> BuiltinOptions.of("Conv2DOptions").getFloat("stride_w"))
        .hasMessageContaining("stride_w is a Long, not a Double");
  }

  @Test
  void noneHasNoValues() {
    assertThat(BuiltinOptions.NONE.isNone()).isTrue();
    assertThat(BuiltinOptions.NONE.values()).isEmpty();
    assertThat(BuiltinOptions.NONE.describe()).isEmpty();
  }
}
