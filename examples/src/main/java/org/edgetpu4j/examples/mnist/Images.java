package org.edgetpu4j.examples.mnist;

import org.edgetpu4j.compiler.graph.FloatTensor;

/**
 * Digits as the networks see them: grey levels scaled to [0, 1], NHWC with one channel.
 *
 * @param pixels image after image, row-major, in [0, 1]
 * @param labels the class of each image
 * @param height image height
 * @param width image width
 */
record Images(float[] pixels, int[] labels, int height, int width) {

  static Images of(MnistData.Split split, int limit) {
    MnistData.Split s = split.first(limit);
    float[] px = new float[s.images().length];
    for (int i = 0; i < px.length; i++) {
      px[i] = (s.images()[i] & 0xFF) / 255f;
    }
    int[] labels = new int[s.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = s.label(i);
    }
    return new Images(px, labels, s.height(), s.width());
  }

  int size() {
    return labels.length;
  }

  int pixelCount() {
    return height * width;
  }

  /** Pixels of image {@code i}. */
  float[] image(int i) {
    float[] out = new float[pixelCount()];
    System.arraycopy(pixels, i * pixelCount(), out, 0, out.length);
    return out;
  }

  /** Images {@code [from, from + n)} as one NHWC batch. */
  FloatTensor batch(int from, int n) {
    float[] v = new float[n * pixelCount()];
    System.arraycopy(pixels, from * pixelCount(), v, 0, v.length);
    return FloatTensor.of(v, n, height, width, 1);
  }

  /** The images at {@code idx} as one NHWC batch. */
  FloatTensor batch(int[] idx) {
    float[] v = new float[idx.length * pixelCount()];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(pixels, idx[i] * pixelCount(), v, i * pixelCount(), pixelCount());
    }
    return FloatTensor.of(v, idx.length, height, width, 1);
  }

  int[] labels(int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = labels[idx[i]];
    }
    return out;
  }

  /** A seeded shuffle of the image indices. */
  int[] permutation(java.util.Random rnd) {
    int[] p = new int[size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = i;
    }
    for (int i = p.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The class with the largest score in row {@code row} of a [n, classes] tensor. */
  static int argmax(FloatTensor scores, int row) {
    int k = (int) scores.shape()[1];
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (scores.get(row * k + j) > scores.get(row * k + best)) {
        best = j;
      }
    }
    return best;
  }
}
