package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * The common form of element-moving kernels: at planning time each output element gets the index of
 * the input element it copies (or -1 for padding); at run time raw elements are copied.
 */
final class Remap {
  private Remap() {}

  /** The input element index for an output coordinate, or -1 for a padding element. */
  @FunctionalInterface
  interface Source {
    int of(int[] coord);
  }

  /** One index per element of {@code outShape}, visiting coordinates in row-major order. */
  static int[] build(int[] outShape, Source source) {
    int n = Shapes.flatSize(outShape);
    int[] map = new int[n];
    int[] c = new int[outShape.length];
    for (int i = 0; i < n; i++) {
      map[i] = source.of(c);
      for (int d = outShape.length - 1; d >= 0; d--) {
        if (++c[d] < outShape[d]) {
          break;
        }
        c[d] = 0;
      }
    }
    return map;
  }

  /** Element size in bytes of {@code s}; refuses types without a fixed size. */
  static int elementSize(Node node, Slot s) {
    long bits = s.type.byteSize(8);
    node.require(
        bits >= 8 && s.type != TensorType.STRING,
        s.describe() + " has type " + s.type + ", expected a fixed-size element type");
    return (int) (bits / 8);
  }

  /** Refuses unless {@code out} has the type and quantization of {@code in}. */
  static void requireSameType(Node node, Slot in, Slot out) {
    node.require(
        out.type == in.type,
        out.describe() + " has type " + out.type + ", expected " + in.type + " as the input");
    node.require(
        java.util.Arrays.equals(out.scales, in.scales)
            && java.util.Arrays.equals(out.zeroPoints, in.zeroPoints),
        out.describe() + " must have the input's quantization");
  }

  /** A step copying input elements by {@code map} ({@code -1} elements get {@code pad}). */
  static Step step(Slot in, Slot out, int size, int[] map, byte[] pad) {
    int ti = in.index;
    int to = out.index;
    int n = map.length;
    return m -> {
      byte[] src = m.data[ti];
      int so = m.offset[ti];
      byte[] dst = m.data[to];
      int dO = m.offset[to];
      for (int k = 0; k < n; k++) {
        int j = map[k];
        if (j < 0) {
          System.arraycopy(pad, 0, dst, dO + k * size, size);
        } else if (size == 1) {
          dst[dO + k] = src[so + j];
        } else {
          System.arraycopy(src, so + j * size, dst, dO + k * size, size);
        }
      }
    };
  }

  /** The pad element: the zero point for quantized 8/16-bit tensors, zero otherwise. */
  static byte[] zero(Slot out, int size) {
    byte[] pad = new byte[size];
    int zp = out.zeroPoint();
    for (int b = 0; b < size; b++) {
      pad[b] = (byte) (zp >> (8 * b));
    }
    return pad;
  }

  /** A constant integer vector (int32 or int64) of {@code s}, validated as constant. */
  static long[] constInts(Node node, Slot s, String what) {
    node.require(s.isConstant(), s.describe() + " (" + what + ") must be constant");
    node.requireType(s, TensorType.INT32, TensorType.INT64);
    int n = s.elementCount();
    node.require(
        s.constant.length >= s.type.byteSize(n),
        s.describe() + " (" + what + ") has too little data");
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = s.type == TensorType.INT32 ? Bytes.i32(s.constant, 0, i) : Bytes.i64(s.constant, 0, i);
    }
    return v;
  }

  /** An axis in {@code [-rank, rank)}, normalised; refuses others. */
  static int axis(Node node, long axis, int rank, String what) {
    node.require(
        axis >= -rank && axis < rank, what + " " + axis + " is out of range for rank " + rank);
    return (int) (axis < 0 ? axis + rank : axis);
  }

  /** {@code v} as an int dimension; refuses negative and oversized values. */
  static int dim(Node node, long v, String what) {
    node.require(v >= 0 && v <= Integer.MAX_VALUE, what + " " + v + " is not a valid size");
    return (int) v;
  }

  /** The product of {@code dims}, refusing overflow past the arena limit. */
  static int volume(Node node, int[] dims) {
    long n = 1;
    for (int d : dims) {
      n *= d;
      node.require(n <= (1L << 30), "shape " + Shapes.str(dims) + " is too large");
    }
    return (int) n;
  }
}
