package org.edgetpu4j.device.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.TensorType;
import org.junit.jupiter.api.Test;

/** Images into input tensors: layout, colour, resizing and the conversion to the input's type. */
class ImageInputTest {
  private static TensorInfo input(TensorType type, float scale, long zp, int... shape) {
    return new TensorInfo(
        0,
        "image",
        type,
        IntArray.of(shape),
        IntArray.empty(),
        scale == 0 ? FloatArray.empty() : FloatArray.of(scale),
        scale == 0 ? LongArray.empty() : LongArray.of(zp));
  }

  private static BufferedImage rgb(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 40 % 256) << 16 | (y * 50 % 256) << 8 | ((x + y) * 30 % 256));
      }
    }
    return img;
  }

  private static byte[] png(BufferedImage img) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void sameSizeUint8RgbIsThePixelsInterleaved() throws Exception {
    BufferedImage img = rgb(3, 2);
    TensorInfo in = input(TensorType.UINT8, 1 / 128f, 128, 1, 2, 3, 3);
    byte[] t = ImageInput.toTensor(ImageInput.decode(png(img), "a.png"), in, Optional.empty());
    assertThat(t).hasSize(18);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        int rgb = img.getRGB(x, y);
        int o = (y * 3 + x) * 3;
        assertThat(t[o] & 0xFF).isEqualTo((rgb >> 16) & 0xFF);
        assertThat(t[o + 1] & 0xFF).isEqualTo((rgb >> 8) & 0xFF);
        assertThat(t[o + 2] & 0xFF).isEqualTo(rgb & 0xFF);
      }
    }
  }

  @Test
  void int8InputsTakeThePixelMinus128() throws Exception {
    BufferedImage img = rgb(2, 2);
    TensorInfo in = input(TensorType.INT8, 1 / 255f, -128, 1, 2, 2, 3);
    byte[] t = ImageInput.toTensor(img, in, Optional.empty());
    assertThat(t[0]).isEqualTo((byte) (((img.getRGB(0, 0) >> 16) & 0xFF) - 128));
  }

  @Test
  void greyImagesKeepTheirStoredLevels() throws Exception {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 128);
    grey.getRaster().setSample(1, 0, 0, 7);
    TensorInfo in = input(TensorType.UINT8, 1 / 255f, 0, 1, 1, 2, 1);
    byte[] t = ImageInput.toTensor(ImageInput.decode(png(grey), "g.png"), in, Optional.empty());
    assertThat(t).containsExactly(128, 7);
    BufferedImage deep = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
    deep.getRaster().setSample(0, 0, 0, 65535);
    assertThat(
            ImageInput.toTensor(
                deep, input(TensorType.UINT8, 1 / 255f, 0, 1, 1, 1), Optional.empty()))
        .containsExactly((byte) 255);
  }

  @Test
  void colourToGreyIsTheLuma() {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xC86432); // 200, 100, 50: 0.299*200 + 0.587*100 + 0.114*50 = 124.2
    byte[] t = ImageInput.toTensor(img, input(TensorType.UINT8, 1, 0, 1, 1, 1), Optional.empty());
    assertThat(t[0] & 0xFF).isEqualTo(124);
  }

  @Test
  void normalizationIsQuantizedWithTheTensorsParameters() {
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(0, 0, 0, 200);
    // real = (200 - 100) / 50 = 2; q = round(2 / 0.1) + 3 = 23
    TensorInfo in = input(TensorType.UINT8, 0.1f, 3, 1, 1, 1, 1);
    assertThat(ImageInput.toTensor(img, in, Optional.of(new Normalization(100, 50))))
        .containsExactly(23);
  }

  @Test
  void floatInputsDefaultToMinusOneToOne() {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(0, 0, 0, 255);
    TensorInfo in = input(TensorType.FLOAT32, 0, 0, 1, 1, 2, 1);
    float[] real = in.dequantize(ImageInput.toTensor(img, in, Optional.empty()));
    assertThat(real).containsExactly(1f, -1f);
  }

  @Test
  void resizingAveragesWhenShrinkingAndKeepsConstants() {
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
    int[] levels = {10, 30, 100, 200, 50, 70, 0, 100};
    for (int i = 0; i < levels.length; i++) {
      img.getRaster().setSample(i % 4, i / 4, 0, levels[i]);
    }
    byte[] t =
        ImageInput.toTensor(img, input(TensorType.UINT8, 1, 0, 1, 1, 2, 1), Optional.empty());
    assertThat(t).containsExactly(40, 100); // (10+30+50+70)/4, (100+200+0+100)/4
    BufferedImage flat = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        flat.setRGB(x, y, 0x336699);
      }
    }
    byte[] big =
        ImageInput.toTensor(flat, input(TensorType.UINT8, 1, 0, 1, 13, 11, 3), Optional.empty());
    for (int i = 0; i < big.length; i += 3) {
      assertThat(new int[] {big[i] & 0xFF, big[i + 1] & 0xFF, big[i + 2] & 0xFF})
          .containsExactly(0x33, 0x66, 0x99);
    }
  }

  @Test
  void inputsThatTakeNoImageAreRefusedWithTheShape() {
    BufferedImage img = rgb(2, 2);
    assertThatThrownBy(
            () -> ImageInput.toTensor(img, input(TensorType.UINT8, 1, 0, 1, 784), Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[1, 784]")
        .hasMessageContaining("expected [1, H, W, C]");
    assertThatThrownBy(
            () ->
                ImageInput.toTensor(
                    img, input(TensorType.INT32, 0, 0, 1, 2, 2, 3), Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("INT32");
  }

  @Test
  void signaturesAndUndecodableBytes() throws Exception {
    assertThat(ImageInput.isImage(png(rgb(1, 1)))).isTrue();
    assertThat(ImageInput.isImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isTrue();
    assertThat(ImageInput.isImage(new byte[] {'B', 'M', 0})).isTrue();
    assertThat(ImageInput.isImage(new byte[] {1, 2, 3, 4})).isFalse();
    assertThat(ImageInput.isImage(new byte[0])).isFalse();
    byte[] truncated = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    assertThatThrownBy(() -> ImageInput.decode(truncated, "bad.png"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("bad.png: ");
  }
}
