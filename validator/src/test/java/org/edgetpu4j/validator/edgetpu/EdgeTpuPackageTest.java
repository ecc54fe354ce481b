package org.edgetpu4j.validator.edgetpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

class EdgeTpuPackageTest {

  static byte[] options() throws Exception {
    Model m = TfliteReader.read(ConformanceCases.edgetpuCompiled("dense_256_edgetpu.tflite"));
    return m.mainSubgraph().operators().get(0).customOptions().toArray();
  }

  @Test
  void decodesTheHeader() throws Exception {
    EdgeTpuPackage p = EdgeTpuPackage.decode(ByteArray.of(options()));
    assertThat(p.identifier()).isEqualTo(EdgeTpuPackage.IDENTIFIER);
    assertThat(p.minRuntimeVersion()).isEqualTo(14);
    assertThat(p.cachedParameterBytes()).isEqualTo(67584);
    assertThat(p.streamedParameterBytes()).isZero();
  }

  @Test
  void rejectsNonPackagesWithAReason() {
    assertThatThrownBy(() -> EdgeTpuPackage.decode(ByteArray.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no custom options");
    assertThatThrownBy(() -> EdgeTpuPackage.decode(ByteArray.of(new byte[] {0, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void corruptedPackagesFailCleanly() throws Exception {
    byte[] original = options();
    Random random = new Random(4);
    int decoded = 0;
    for (int trial = 0; trial < 3000; trial++) {
      byte[] b = original.clone();
      int kind = trial % 3;
      if (kind == 0) {
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      } else if (kind == 1) {
        b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
      } else {
        // corrupt the package header region, where the offsets live
        int at = 8 + random.nextInt(Math.min(256, b.length - 8));
        b[at] = (byte) random.nextInt(256);
      }
      try {
        EdgeTpuPackage.decode(ByteArray.of(b));
        decoded++;
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).isPositive(); // flips in parameter bytes leave the header readable
  }
}
