package org.edgetpu4j.device.coral.driver;

import org.edgetpu4j.device.coral.pkg.Layer;
import org.edgetpu4j.device.coral.pkg.OutputLayout;
import org.edgetpu4j.device.coral.pkg.PackageFormatException;
import org.edgetpu4j.device.coral.pkg.TensorLayout;

/**
 * Turns the bytes the device streamed for an output layer into the layer's y-x-z order without
 * padding, then flips the most significant byte of signed types, following libedgetpu's rules.
 */
public final class OutputRelayout {
  private OutputRelayout() {}

  /** Relayouts {@code src} (the padded device buffer) into the layer's actual bytes. */
  public static byte[] apply(Layer l, byte[] src) {
    int dts = l.elementBytes();
    int zBytes = l.z() * dts;
    int exec = l.executionCount();
    byte[] dest = new byte[l.actualBytes()];
    boolean needsRelayout = needsRelayout(l);
    if (exec == 1 && !needsRelayout) {
      copy(src, 0, dest, 0, dest.length);
    } else if (exec == 1 && !l.slices().isEmpty()) {
      withShapeInfo(l, src, dest);
    } else if (exec > 1 && l.paddedBytes() == l.actualBytes() && !needsRelayout) {
      copy(src, 0, dest, 0, dest.length);
    } else if (l.y() == 1 && l.x() == 1) {
      if (exec == 1 || l.paddedBytes() == l.actualBytes()) {
        copy(src, 0, dest, 0, zBytes * exec);
      } else {
        int pad = (l.paddedBytes() - l.actualBytes()) / exec;
        for (int i = 0; i < exec; i++) {
          copy(src, i * (zBytes + pad), dest, i * zBytes, zBytes);
        }
      }
    } else {
      tiles(l, src, dest, dts, zBytes);
    }
    if (l.signed()) {
      for (int i = dts - 1; i < dest.length; i += dts) {
        dest[i] ^= (byte) 0x80;
      }
    }
    return dest;
  }

  private static boolean needsRelayout(Layer l) {
    if (l.slices().isEmpty()) {
      return true;
    }
    if (l.slices().size() > 1) {
      return true;
    }
    TensorLayout s = l.slices().get(0);
    long expected = 1;
    for (int d = s.rank() - 1; d >= 0; d--) {
      if (s.stride()[d] != expected) {
        return true;
      }
      expected *= s.end()[d] - s.start()[d] + 1;
    }
    return false;
  }

  private static void tiles(Layer l, byte[] src, byte[] dest, int dts, int zBytes) {
    OutputLayout lay =
        l.layout()
            .orElseThrow(
                () ->
                    new PackageFormatException(
                        "output " + l.name() + ": 3-D output without an output layout"));
    check(lay, l);
    int zPadded =
        (l.x() > 1 ? index(lay, 0, 1) - index(lay, 0, 0) : index(lay, 1, 0) - index(lay, 0, 0))
            * dts;
    int[] tileXSizes = tileXSizes(lay, l.x());
    int d = 0;
    if (zBytes != zPadded) {
      for (int y = 0; y < l.y(); y++) {
        int startX = 0;
        for (int size : tileXSizes) {
          int s = index(lay, y, startX) * dts;
          for (int i = 0; i < size; i++) {
            copy(src, s, dest, d, zBytes);
            d += zBytes;
            s += zPadded;
          }
          startX += size;
        }
      }
      return;
    }
    boolean oneTile = tileXSizes.length == 1 && lay.yTile()[0] == lay.yTile()[l.y() - 1];
    if (oneTile) {
      copy(src, 0, dest, 0, l.x() * l.y() * zBytes * l.executionCount());
      return;
    }
    for (int y = 0; y < l.y(); y++) {
      int startX = 0;
      for (int size : tileXSizes) {
        int n = zBytes * size;
        copy(src, index(lay, y, startX) * dts, dest, d, n);
        d += n;
        startX += size;
      }
    }
  }

  private static int[] tileXSizes(OutputLayout lay, int xDim) {
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    int lastX = 0;
    int lastTile = lay.xTile()[0];
    for (int x = 1; x < xDim; x++) {
      if (lay.xTile()[x] != lastTile) {
        sizes.add(x - lastX);
        lastTile = lay.xTile()[x];
        lastX = x;
      }
    }
    sizes.add(xDim - lastX);
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int index(OutputLayout lay, int y, int x) {
    int tile = lay.yTile()[y] + lay.xTile()[x];
    if (tile < 0 || tile >= lay.tileByteOffset().length) {
      throw new PackageFormatException(
          "output layout: tile " + tile + " of " + lay.tileByteOffset().length);
    }
    return lay.tileByteOffset()[tile]
        + lay.yLocalOffset()[y] * lay.xLocalRowSize()[x]
        + lay.xLocalByteOffset()[x];
  }

  private static void check(OutputLayout lay, Layer l) {
    if (lay.yTile().length < l.y()
        || lay.yLocalOffset().length < l.y()
        || lay.xTile().length < l.x()
        || lay.xLocalByteOffset().length < l.x()
        || lay.xLocalRowSize().length < l.x()) {
      throw new PackageFormatException(
          "output "
              + l.name()
              + ": output layout tables are shorter than the "
              + l.y()
              + "x"
              + l.x()
              + " output");
    }
  }

  private static void withShapeInfo(Layer l, byte[] src, byte[] dest) {
    TensorLayout full =
        l.shape()
            .orElseThrow(
                () ->
                    new PackageFormatException(
                        "output " + l.name() + ": slices without a layer shape"));
    int rank = full.rank();
    long[] packed = new long[rank];
    long acc = 1;
    for (int d = rank - 1; d >= 0; d--) {
      packed[d] = acc;
      acc *= full.end()[d] - full.start()[d] + 1;
    }
    int dts = l.elementBytes();
    for (int i = 0; i < l.slices().size(); i++) {
      TensorLayout s = l.slices().get(i);
      if (s.rank() != rank || s.stride().length != rank) {
        throw new PackageFormatException(
            "output " + l.name() + ": slice " + i + " rank differs from the layer shape");
      }
      int base = l.sliceOffsets()[i];
      int[] pos = s.start().clone();
      long n = s.elements();
      for (long e = 0; e < n; e++) {
        long si = 0;
        long di = 0;
        for (int d = 0; d < rank; d++) {
          si += (long) (pos[d] - s.start()[d]) * s.stride()[d];
          di += (long) (pos[d] - full.start()[d]) * packed[d];
        }
        copy(src, (int) (base + si * dts), dest, (int) (di * dts), dts);
        for (int d = rank - 1; d >= 0; d--) {
          if (++pos[d] <= s.end()[d]) {
            break;
          }
          pos[d] = s.start()[d];
        }
      }
    }
  }

  private static void copy(byte[] src, int from, byte[] dest, int to, int n) {
    if (from < 0 || to < 0 || from + (long) n > src.length || to + (long) n > dest.length) {
      throw new PackageFormatException(
          "output layout addresses bytes ["
              + from
              + ", "
              + (from + (long) n)
              + ") of a "
              + src.length
              + "-byte device buffer into ["
              + to
              + ", "
              + (to + (long) n)
              + ") of "
              + dest.length);
    }
    System.arraycopy(src, from, dest, to, n);
  }
}
