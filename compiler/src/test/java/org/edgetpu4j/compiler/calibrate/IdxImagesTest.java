package org.edgetpu4j.compiler.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IdxImagesTest {
  @Test
  void readsPlainAndGzippedIdx() throws Exception {
    ByteBuffer img = ByteBuffer.allocate(16 + 8);
    img.putInt(0x803).putInt(2).putInt(2).putInt(2);
    img.put(new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4});
    float[][] plain = IdxImages.readImages(new ByteArrayInputStream(img.array()), 10);
    assertThat(plain[0]).containsExactly(0f, 1f, 0.2f, 0.4f);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(
          ByteBuffer.allocate(10).putInt(0x801).putInt(2).put((byte) 7).put((byte) 3).array());
    }
    assertThat(IdxImages.readLabels(new ByteArrayInputStream(gz.toByteArray()), 1))
        .containsExactly(7);
    assertThatThrownBy(() -> IdxImages.readImages(new ByteArrayInputStream(new byte[20]), 1))
        .hasMessageContaining("not an IDX image file");
  }

  @Test
  void calibrationRejectsAnEmptyDatasetAndNonFiniteActivations() {
    var g =
        new org.edgetpu4j.compiler.graph.GraphBuilder()
            .placeholder("x", 1, 2)
            .op("Log", "y", "x")
            .build();
    assertThatThrownBy(
            () ->
                RangeCalibrator.measure(
                    g, java.util.List.of("y"), java.util.List.of(), ProgressListener.none()))
        .hasMessageContaining("representative dataset is empty");
    var zero =
        java.util.Map.of(
            "x", org.edgetpu4j.compiler.graph.FloatTensor.of(new float[] {0, 1}, 1, 2));
    assertThatThrownBy(
            () ->
                RangeCalibrator.measure(
                    g, java.util.List.of("y"), java.util.List.of(zero), ProgressListener.none()))
        .hasMessageContaining("tensor 'y' is -Infinity on representative sample 0");
  }
}
