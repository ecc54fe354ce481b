package org.edgetpu4j.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDataTest {
  @Test
  void embeddedSubsetHasEightThousandTrainingAndTwoThousandTestDigits() throws Exception {
    MnistData d = MnistData.embedded();
    assertThat(d.train().size()).isEqualTo(8000);
    assertThat(d.test().size()).isEqualTo(2000);
    assertThat(d.test().height()).isEqualTo(28);
    assertThat(d.test().pixels()).isEqualTo(784);
    int[] counts = new int[10];
    for (int i = 0; i < d.test().size(); i++) {
      counts[d.test().label(i)]++;
    }
    assertThat(java.util.Arrays.stream(counts).min().getAsInt()).isGreaterThan(150);
  }

  @Test
  void loadsPlainAndGzippedDirectories(@TempDir Path dir) throws Exception {
    write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {2, 2, 3}, 12), false);
    write(dir.resolve("train-labels-idx1-ubyte.gz"), idx(0x801, new int[] {2}, 2), true);
    write(dir.resolve("t10k-images-idx3-ubyte.gz"), idx(0x803, new int[] {1, 2, 3}, 6), true);
    write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x801, new int[] {1}, 1), false);
    MnistData d = MnistData.load(dir);
    assertThat(d.train().size()).isEqualTo(2);
    assertThat(d.train().width()).isEqualTo(3);
    assertThat(d.test().images()).hasSize(6);
  }

  @Test
  void malformedFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), "x"))
        .hasMessageContaining("not an IDX header");
    byte[] lying = idx(0x803, new int[] {100000, 28, 28}, 10);
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(lying), "lying"))
        .hasMessageContaining("header announces 78400000 values but the file holds 10");
    byte[] floats = idx(0xd03, new int[] {1, 1, 1}, 1);
    assertThatThrownBy(() -> IdxReader.read(new ByteArrayInputStream(floats), "f"))
        .hasMessageContaining("element type 0xd is not supported");
    assertThatThrownBy(() -> MnistData.load(dir)).hasMessageContaining("no train-images");
  }

  private static byte[] idx(int magic, int[] dims, int values) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    for (int i = 0; i < values; i++) {
      out.writeByte(i % 10);
    }
    return bytes.toByteArray();
  }

  private static void write(Path p, byte[] data, boolean gzip) throws Exception {
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(data);
    }
  }
}
