package org.edgetpu4j.device.io;

/**
 * How pixel values (0 to 255) become the real values a model was trained on: {@code real = (pixel -
 * mean) / std}.
 *
 * @param mean subtracted from each pixel value
 * @param std the pixel range that maps to one real unit; positive
 */
public record Normalization(float mean, float std) {
  /** {@code [-1, 1]}: the usual input range of float image models (mean and std 127.5). */
  public static final Normalization MINUS_ONE_TO_ONE = new Normalization(127.5f, 127.5f);

  /** Checks the parameters. */
  public Normalization {
    if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
      throw new IllegalArgumentException(
          "normalization needs a finite mean and a positive std, got mean " + mean + " std " + std);
    }
  }

  /** The real value of {@code pixel}. */
  public float apply(float pixel) {
    return (pixel - mean) / std;
  }
}
