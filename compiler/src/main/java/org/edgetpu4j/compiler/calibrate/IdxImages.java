package org.edgetpu4j.compiler.calibrate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.edgetpu4j.compiler.graph.GraphException;

/**
 * Reads IDX files (the MNIST format), optionally gzipped: images as floats in [0, 1] and labels.
 */
public final class IdxImages {
  private IdxImages() {}

  /** Images {@code [n][rows*cols]} scaled to [0, 1], at most {@code limit} of them. */
  public static float[][] readImages(InputStream in, int limit) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(readAll(in));
    if (b.remaining() < 16 || b.getInt() != 0x803) {
      throw new GraphException("not an IDX image file (magic 0x00000803 expected)");
    }
    int n = Math.min(b.getInt(), limit);
    int size = b.getInt() * b.getInt();
    if (b.remaining() < (long) n * size) {
      throw new GraphException("IDX image file is truncated: " + n + " images of " + size);
    }
    float[][] out = new float[n][size];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < size; k++) {
        out[i][k] = (b.get() & 0xff) / 255f;
      }
    }
    return out;
  }

  /** Labels, at most {@code limit} of them. */
  public static int[] readLabels(InputStream in, int limit) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(readAll(in));
    if (b.remaining() < 8 || b.getInt() != 0x801) {
      throw new GraphException("not an IDX label file (magic 0x00000801 expected)");
    }
    int n = Math.min(b.getInt(), Math.min(limit, b.remaining()));
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.get() & 0xff;
    }
    return out;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    byte[] head = in.readNBytes(2);
    InputStream src = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
    if (head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      src = new GZIPInputStream(src);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    src.transferTo(out);
    return out.toByteArray();
  }
}
