package org.edgetpu4j.device.cpu.kernels.reduce;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * Reductions over constant axes (duplicates and negative axes allowed, {@code keep_dims} honoured).
 * Each output starts at the reduction's identity and takes the input elements in row-major order,
 * as TFLite's reference reducer. SUM and REDUCE_PROD on float32, int32 and int64; REDUCE_MAX and
 * REDUCE_MIN also on int8, uint8 and int16 (raw values, shared quantization); REDUCE_ANY and
 * REDUCE_ALL on bool.
 */
public final class Reduce implements Kernel {
  /** Which reduction. */
  public enum Kind {
    SUM,
    PROD,
    MAX,
    MIN,
    ANY,
    ALL
  }

  private final Kind kind;

  public Reduce(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot axes = node.in(1);
    Slot out = node.out(0);
    node.require(out.type == in.type, "output type " + out.type + " differs from " + in.type);
    node.requireConstant(axes);
    node.requireType(axes, TensorType.INT32, TensorType.INT64);
    int rank = in.rank();
    boolean[] reduced = new boolean[rank];
    for (int i = 0; i < axes.elementCount(); i++) {
      long a =
          axes.type == TensorType.INT32
              ? Bytes.i32(axes.constant, 0, i)
              : Bytes.i64(axes.constant, 0, i);
      node.require(a >= -rank && a < rank, "axis " + a + " is out of range for rank " + rank);
      reduced[(int) (a < 0 ? a + rank : a)] = true;
    }
    boolean keep = node.options.has("keep_dims") && node.options.getBool("keep_dims");
    int kept = 0;
    for (int d = 0; d < rank; d++) {
      kept += keep || !reduced[d] ? 1 : 0;
    }
    int[] shape = new int[kept];
    int[] full = new int[rank];
    for (int d = 0, o = 0; d < rank; d++) {
      full[d] = reduced[d] ? 1 : in.dim(d);
      if (keep || !reduced[d]) {
        shape[o++] = full[d];
      }
    }
    node.setShape(0, shape);
    if (in.type == TensorType.INT8 || in.type == TensorType.UINT8 || in.type == TensorType.INT16) {
      node.require(
          kind == Kind.MAX || kind == Kind.MIN,
          kind + " on " + in.type + " is not supported (quantized sums and products)");
      node.require(
          java.util.Arrays.equals(in.scales, out.scales)
              && java.util.Arrays.equals(in.zeroPoints, out.zeroPoints),
          out.describe() + " must have the input's quantization");
    } else if (kind == Kind.ANY || kind == Kind.ALL) {
      node.requireType(in, TensorType.BOOL);
    } else {
      node.requireType(in, TensorType.FLOAT32, TensorType.INT32, TensorType.INT64);
    }
    int n = in.elementCount();
    int[] map = new int[n];
    int[] st = Shapes.strides(full);
    int[] c = new int[rank];
    for (int i = 0; i < n; i++) {
      int o = 0;
      for (int d = 0; d < rank; d++) {
        o += reduced[d] ? 0 : c[d] * st[d];
      }
      map[i] = o;
      for (int d = rank - 1; d >= 0; d--) {
        if (++c[d] < in.dim(d)) {
          break;
        }
        c[d] = 0;
      }
    }
    return Reducers.step(kind, in, out, map, Shapes.flatSize(shape));
  }
}
