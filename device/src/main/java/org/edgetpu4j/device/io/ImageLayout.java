package org.edgetpu4j.device.io;

import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.tflite.IntArray;

/**
 * Where an image goes in an input tensor: {@code [1, H, W, C]}, {@code [H, W, C]}, {@code [1, H,
 * W]} or {@code [H, W]} (H over 1), with C 1 (grey) or 3 (RGB), pixels row-major and channels
 * interleaved.
 *
 * @param height rows
 * @param width columns
 * @param channels 1 or 3
 */
record ImageLayout(int height, int width, int channels) {
  /** The layout of {@code input}, or an exception saying which shapes take an image. */
  static ImageLayout of(TensorInfo input) {
    IntArray s = input.shape();
    int[] d = s.toArray();
    ImageLayout l =
        switch (d.length) {
          case 4 -> d[0] == 1 ? new ImageLayout(d[1], d[2], d[3]) : null;
          case 3 ->
              d[2] == 1 || d[2] == 3
                  ? new ImageLayout(d[0], d[1], d[2])
                  : d[0] == 1 ? new ImageLayout(d[1], d[2], 1) : null;
          case 2 -> d[0] > 1 ? new ImageLayout(d[0], d[1], 1) : null;
          default -> null;
        };
    if (l == null || l.height < 1 || l.width < 1 || (l.channels != 1 && l.channels != 3)) {
      throw new InvalidInputException(
          "input T#"
              + input.index()
              + " '"
              + input.name()
              + "' has shape "
              + s
              + ", which takes no image; expected [1, H, W, C] or [H, W, C] with C 1 or 3,"
              + " [1, H, W] or [H, W] with H over 1");
    }
    return l;
  }
}
