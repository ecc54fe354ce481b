package org.edgetpu4j.device.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.TensorInfo;

/**
 * Turns an image file (PNG, JPEG, BMP or GIF, through {@code javax.imageio}) into the raw bytes of
 * an image input tensor: resized to the tensor's height and width, converted to grey or RGB by its
 * channel count, then to its type.
 *
 * <p>Values: a quantized input without a {@link Normalization} takes the pixel values as they are
 * ({@code uint8} gets the pixel, {@code int8} the pixel minus 128), which is what a model converted
 * with its input quantization describing the pixel range expects (every Edge TPU image model). With
 * a normalization, each pixel's real value {@code (pixel - mean) / std} is quantized with the
 * tensor's scale and zero point. A float input takes the normalized value; without one, {@link
 * Normalization#MINUS_ONE_TO_ONE}.
 */
public final class ImageInput {
  /** Decoded images larger than this many pixels are refused (a 16384 x 16384 picture). */
  public static final long MAX_PIXELS = 1L << 28;

  private ImageInput() {}

  /** True when {@code head} starts with the signature of a PNG, JPEG, BMP or GIF file. */
  public static boolean isImage(byte[] head) {
    return startsWith(head, 0x89, 'P', 'N', 'G')
        || startsWith(head, 0xFF, 0xD8, 0xFF)
        || startsWith(head, 'B', 'M')
        || startsWith(head, 'G', 'I', 'F', '8');
  }

  /**
   * Decodes {@code file}; {@code name} says where it came from in error messages.
   *
   * @throws InvalidInputException when the bytes are no image {@code javax.imageio} can read
   */
  public static BufferedImage decode(byte[] file, String name) {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(file));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(name + ": cannot decode the image: " + e.getMessage());
    }
    if (img == null) {
      throw new InvalidInputException(
          name + ": not an image this Java can decode; expected PNG, JPEG, BMP or GIF");
    }
    if ((long) img.getWidth() * img.getHeight() > MAX_PIXELS) {
      throw new InvalidInputException(
          name
              + ": "
              + img.getWidth()
              + " x "
              + img.getHeight()
              + " pixels; at most "
              + MAX_PIXELS
              + " are read");
    }
    return img;
  }

  /**
   * The raw bytes of {@code input} holding {@code image}.
   *
   * @param normalization pixel to real value mapping; empty for the default described above
   * @throws InvalidInputException when the input takes no image or its type cannot hold one
   */
  public static byte[] toTensor(
      BufferedImage image, TensorInfo input, Optional<Normalization> normalization) {
    ImageLayout layout = ImageLayout.of(input);
    float[][] planes = planes(image, layout.channels());
    int h = layout.height();
    int w = layout.width();
    for (int c = 0; c < planes.length; c++) {
      planes[c] = Resample.resize(planes[c], image.getWidth(), image.getHeight(), w, h);
    }
    int n = h * w * planes.length;
    switch (input.type()) {
      case UINT8, INT8 -> {
        if (normalization.isEmpty() && input.isQuantized()) {
          int shift = input.type() == org.edgetpu4j.tflite.TensorType.INT8 ? 128 : 0;
          byte[] out = new byte[n];
          for (int i = 0; i < n; i++) {
            out[i] = (byte) (clampPixel(planes[i % planes.length][i / planes.length]) - shift);
          }
          return out;
        }
        return input.quantize(normalized(planes, normalization.orElse(null), n));
      }
      case FLOAT32 -> {
        return input.quantize(
            normalized(planes, normalization.orElse(Normalization.MINUS_ONE_TO_ONE), n));
      }
      case INT16 -> {
        return input.quantize(normalized(planes, normalization.orElse(null), n));
      }
      default ->
          throw new InvalidInputException(
              "input T#"
                  + input.index()
                  + " '"
                  + input.name()
                  + "' is "
                  + input.type()
                  + "; images go into UINT8, INT8, INT16 or FLOAT32 inputs");
    }
  }

  private static float[] normalized(float[][] planes, Normalization norm, int n) {
    if (norm == null) {
      throw new InvalidInputException(
          "this input needs --mean and --std to map pixels to its real values");
    }
    float[] real = new float[n];
    for (int i = 0; i < n; i++) {
      real[i] = norm.apply(planes[i % planes.length][i / planes.length]);
    }
    return real;
  }

  private static int clampPixel(float v) {
    return (int) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
  }

  /** One float plane (0 to 255) per channel: grey from the luma, or R, G and B. */
  static float[][] planes(BufferedImage img, int channels) {
    int w = img.getWidth();
    int h = img.getHeight();
    Raster r = img.getRaster();
    boolean grey =
        img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY;
    float[][] p = new float[channels][w * h];
    if (grey) {
      // The stored grey levels: getRGB would pass them through a linear-to-sRGB conversion.
      int bits = img.getColorModel().getComponentSize(0);
      float max = (float) ((1L << bits) - 1);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = r.getSample(x, y, 0) * 255f / max;
          for (int c = 0; c < channels; c++) {
            p[c][y * w + x] = v;
          }
        }
      }
      return p;
    }
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        if (channels == 1) {
          p[0][y * w + x] = (red * 299 + green * 587 + blue * 114) / 1000f;
        } else {
          p[0][y * w + x] = red;
          p[1][y * w + x] = green;
          p[2][y * w + x] = blue;
        }
      }
    }
    return p;
  }

  private static boolean startsWith(byte[] b, int... sig) {
    if (b.length < sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }
}
