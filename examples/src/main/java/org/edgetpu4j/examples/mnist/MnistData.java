package org.edgetpu4j.examples.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A digit data set in the MNIST layout: training and test images (28×28 grey levels, or any size
 * the files declare) with their labels. Loads the embedded 10,000-digit subset, or any directory
 * holding the four standard IDX files, gzipped or not (full MNIST, Fashion-MNIST).
 *
 * @param train training images and labels
 * @param test test images and labels
 */
public record MnistData(Split train, Split test) {
  private static final String RESOURCES = "/org/edgetpu4j/examples/mnist/";

  /**
   * Images and labels.
   *
   * @param images grey levels 0..255, image after image, row-major
   * @param labels one class per image
   * @param height image height
   * @param width image width
   */
  public record Split(byte[] images, byte[] labels, int height, int width) {
    /** Number of images. */
    public int size() {
      return labels.length;
    }

    /** Pixels per image. */
    public int pixels() {
      return height * width;
    }

    /** Label of image {@code i}. */
    public int label(int i) {
      return labels[i];
    }

    /** The first {@code n} images (all if there are fewer). */
    public Split first(int n) {
      int k = Math.min(n, size());
      byte[] img = new byte[k * pixels()];
      System.arraycopy(images, 0, img, 0, img.length);
      byte[] lab = new byte[k];
      System.arraycopy(labels, 0, lab, 0, k);
      return new Split(img, lab, height, width);
    }
  }

  /** The embedded subset: 8,000 training and 2,000 test digits. */
  public static MnistData embedded() throws IOException {
    return new MnistData(
        split(
            resource("train-images-idx3-ubyte.gz"),
            resource("train-labels-idx1-ubyte.gz"),
            "embedded training set"),
        split(
            resource("t10k-images-idx3-ubyte.gz"),
            resource("t10k-labels-idx1-ubyte.gz"),
            "embedded test set"));
  }

  /** The four standard IDX files in {@code dir}, each optionally gzipped. */
  public static MnistData load(Path dir) throws IOException {
    return new MnistData(
        split(
            find(dir, "train-images-idx3-ubyte"),
            find(dir, "train-labels-idx1-ubyte"),
            dir + " training set"),
        split(
            find(dir, "t10k-images-idx3-ubyte"),
            find(dir, "t10k-labels-idx1-ubyte"),
            dir + " test set"));
  }

  private static Source find(Path dir, String base) throws IOException {
    for (String name : new String[] {base, base + ".gz"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return new Source(p.toString(), () -> Files.newInputStream(p));
      }
    }
    throw new IOException(
        dir
            + ": no "
            + base
            + " or "
            + base
            + ".gz (expected the four"
            + " standard MNIST IDX files)");
  }

  private static Source resource(String name) {
    return new Source(
        "embedded " + name,
        () -> {
          InputStream in = MnistData.class.getResourceAsStream(RESOURCES + name);
          if (in == null) {
            throw new IOException("embedded data set file " + name + " is missing");
          }
          return in;
        });
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private record Source(String name, Opener opener) {}

  private static Split split(Source images, Source labels, String what) throws IOException {
    IdxReader.Array img;
    IdxReader.Array lab;
    try (InputStream in = images.opener().open()) {
      img = IdxReader.read(in, images.name());
    }
    try (InputStream in = labels.opener().open()) {
      lab = IdxReader.read(in, labels.name());
    }
    if (img.dims().length != 3) {
      throw new IOException(
          images.name()
              + ": images have rank "
              + img.dims().length
              + "; expected 3 (count, height, width)");
    }
    if (img.count() == 0 || img.dims()[1] == 0 || img.dims()[2] == 0) {
      throw new IOException(
          images.name()
              + ": "
              + img.count()
              + " images of "
              + img.dims()[1]
              + "x"
              + img.dims()[2]
              + " pixels; expected at least one image of at least 1x1");
    }
    if (lab.dims().length != 1 || lab.count() != img.count()) {
      throw new IOException(
          what
              + ": "
              + img.count()
              + " images but "
              + lab.data().length
              + " labels in "
              + labels.name());
    }
    for (int i = 0; i < lab.data().length; i++) {
      if (lab.data()[i] < 0 || lab.data()[i] > 9) {
        throw new IOException(
            labels.name() + ": label " + i + " is " + lab.data()[i] + "; expected 0..9");
      }
    }
    return new Split(img.data(), lab.data(), img.dims()[1], img.dims()[2]);
  }
}
