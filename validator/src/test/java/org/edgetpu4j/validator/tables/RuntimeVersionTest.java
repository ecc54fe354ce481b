package org.edgetpu4j.validator.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuntimeVersionTest {
  @Test
  void comparesComponentsAsNumbers() {
    assertThat(RuntimeVersion.parse("1.9.0").isOlderThan(RuntimeVersion.parse("1.14.0"))).isTrue();
    assertThat(RuntimeVersion.parse("1.13.1").compareTo(RuntimeVersion.parse("1.13.0")))
        .isPositive();
    assertThat(RuntimeVersion.parse("2.5")).isEqualTo(RuntimeVersion.parse("2.5.0"));
    assertThat(RuntimeVersion.parse("2.10.0").majorMinor()).isEqualTo("2.10");
  }

  @Test
  void rejectsNonNumbers() {
    assertThatThrownBy(() -> RuntimeVersion.parse("2.x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2.x'");
  }
}
