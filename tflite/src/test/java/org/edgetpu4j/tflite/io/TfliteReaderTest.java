package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteReaderTest {
  private static final byte[] MNIST = ConformanceCases.load("mnist_cnn_int8").model();

  @Test
  void readsARealModelsContent() throws Exception {
    Model m = TfliteReader.read(MNIST);
    assertThat(m.version()).isEqualTo(3);
    assertThat(m.minRuntimeVersion()).contains("1.14.0");
    assertThat(m.mainSubgraph().operators()).hasSize(7);
    assertThat(m.opcode(m.mainSubgraph().operators().get(0)).op()).isEqualTo(BuiltinOp.CONV_2D);
    assertThat(m.opcode(m.mainSubgraph().operators().get(0)).version()).isEqualTo(3);
    var input = m.mainSubgraph().inputTensor(0);
    assertThat(input.type()).isEqualTo(TensorType.INT8);
    assertThat(input.shape().toArray()).containsExactly(1, 28, 28, 1);
    assertThat(input.quantization().zeroPoint().get(0)).isEqualTo(-128);
    var conv = m.mainSubgraph().operators().get(0).builtinOptions();
    assertThat(conv.type()).isEqualTo("Conv2DOptions");
    assertThat(conv.getInt("stride_w")).isEqualTo(1);
  }

  @Test
  void tinyAndForeignFilesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> TfliteReader.read(new byte[] {1, 0, 0, 0}))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("file is 4 bytes");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    assertThatThrownBy(() -> TfliteReader.read(png))
        .hasMessageContaining("expected the file identifier 'TFL3'");
  }

  @Test
  void aVectorClaimingMoreBytesThanTheFileHasIsRejectedBeforeAllocating() throws Exception {
    // Find the length prefix of the largest buffer (the FC weights, 7840 bytes) and claim 2^31-1.
    byte[] bytes = MNIST.clone();
    ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int at = -1;
    for (int i = 0; i + 4 <= bytes.length; i += 4) {
      if (bb.getInt(i) == 7840) {
        at = i;
      }
    }
    assertThat(at).isPositive();
    bb.putInt(at, Integer.MAX_VALUE);
    assertThatThrownBy(() -> TfliteReader.read(bytes))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("claims 2147483647 elements")
        .hasMessageContaining("buffers[4].data");
  }

  @Test
  void truncatedFileIsRejected() {
    byte[] cut = Arrays.copyOf(MNIST, MNIST.length / 2);
    assertThatThrownBy(() -> TfliteReader.read(cut))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith("flatbuffer");
  }

  @Test
  void readingAByteBufferLeavesItUntouched() throws Exception {
    ByteBuffer bb = ByteBuffer.allocate(MNIST.length + 10);
    bb.position(10);
    bb.put(MNIST);
    bb.position(10);
    Model m = TfliteReader.read(bb);
    assertThat(bb.position()).isEqualTo(10);
    assertThat(m).isEqualTo(TfliteReader.read(MNIST));
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.tflite");
    Files.write(file, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> TfliteReader.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file.toString());
    assertThat(TfliteReader.read(writeTo(dir.resolve("ok.tflite"), MNIST)).subgraphs()).hasSize(1);
  }

  private static Path writeTo(Path p, byte[] bytes) throws Exception {
    Files.write(p, bytes);
    return p;
  }

  @Test
  void bufferZeroMeansNoDataEvenWithoutBuffers() throws Exception {
    Model m = TfliteReader.read(MNIST);
    org.edgetpu4j.tflite.Tensor in = m.mainSubgraph().inputTensor(0);
    org.edgetpu4j.tflite.Subgraph g =
        new org.edgetpu4j.tflite.Subgraph(
            "g",
            java.util.List.of(
                org.edgetpu4j.tflite.Tensor.of(
                    in.name(), in.type(), in.shape(), 0, in.quantization())),
            org.edgetpu4j.tflite.IntArray.of(0),
            org.edgetpu4j.tflite.IntArray.of(0),
            java.util.List.of());
    Model noBuffers =
        new Model(
            3,
            java.util.List.of(),
            java.util.List.of(g),
            "",
            java.util.List.of(),
            org.edgetpu4j.tflite.IntArray.of(),
            java.util.List.of(),
            java.util.List.of());
    Model back = TfliteReader.read(TfliteWriter.toBytes(noBuffers));
    assertThat(back.buffers()).isEmpty();
    assertThat(back.isConstant(back.mainSubgraph().tensors().get(0))).isFalse();
    // any other buffer index is still refused
    Model dangling =
        new Model(
            3,
            java.util.List.of(),
            java.util.List.of(
                new org.edgetpu4j.tflite.Subgraph(
                    "g",
                    java.util.List.of(
                        org.edgetpu4j.tflite.Tensor.of(
                            in.name(), in.type(), in.shape(), 1, in.quantization())),
                    org.edgetpu4j.tflite.IntArray.of(0),
                    org.edgetpu4j.tflite.IntArray.of(0),
                    java.util.List.of())),
            "",
            java.util.List.of(),
            org.edgetpu4j.tflite.IntArray.of(),
            java.util.List.of(),
            java.util.List.of());
    assertThatThrownBy(() -> TfliteReader.read(TfliteWriter.toBytes(dangling)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("refers to buffer 1 but there are 0");
  }
}
