package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * GATHER with {@code axis} and {@code batch_dims}: {@code out[b, o, i..., r] = params[b, o,
 * indices[b, i...], r]}; any fixed-size element type, int32 or int64 indices. An index out of range
 * stops the invocation, as in TFLite.
 */
public final class Gather implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot params = node.in(0);
    Slot indices = node.in(1);
    Slot out = node.out(0);
    node.require(params.type.hasFixedSize(), params.describe() + " has no fixed element size");
    node.requireType(indices, TensorType.INT32, TensorType.INT64);
    node.require(out.type == params.type, out.describe() + " type differs from the params");
    int pr = params.rank();
    int ir = indices.rank();
    int axis = node.options.has("axis") ? node.options.getInt("axis") : 0;
    int batchDims = node.options.has("batch_dims") ? node.options.getInt("batch_dims") : 0;
    node.require(axis >= -pr && axis < pr, "axis " + axis + " out of [" + -pr + ", " + pr + ")");
    axis = axis < 0 ? axis + pr : axis;
    node.require(
        batchDims >= -ir && batchDims <= ir,
        "batch_dims " + batchDims + " out of [" + -ir + ", " + ir + "]");
    batchDims = batchDims < 0 ? batchDims + ir : batchDims;
    node.require(batchDims <= axis, "batch_dims " + batchDims + " exceeds axis " + axis);
    long batches = 1;
    for (int d = 0; d < batchDims; d++) {
      node.require(
          params.dim(d) == indices.dim(d),
          "batch dimension " + d + " differs between params and indices");
      batches = Math.multiplyExact(batches, params.dim(d));
    }
    long outer = 1;
    for (int d = batchDims; d < axis; d++) {
      outer = Math.multiplyExact(outer, params.dim(d));
    }
    long inner = params.type.byteSize(1);
    for (int d = axis + 1; d < pr; d++) {
      inner = Math.multiplyExact(inner, params.dim(d));
    }
    long coords = 1;
    for (int d = batchDims; d < ir; d++) {
      coords = Math.multiplyExact(coords, indices.dim(d));
    }
    int[] shape = new int[pr - 1 + ir - batchDims];
    int s = 0;
    for (int d = 0; d < axis; d++) {
      shape[s++] = params.dim(d);
    }
    for (int d = batchDims; d < ir; d++) {
      shape[s++] = indices.dim(d);
    }
    for (int d = axis + 1; d < pr; d++) {
      shape[s++] = params.dim(d);
    }
    node.setShape(0, shape);
    int axisSize = params.dim(axis);
    int nb = Math.toIntExact(batches);
    int no = Math.toIntExact(outer);
    int nc = Math.toIntExact(coords);
    int block = Math.toIntExact(inner);
    Math.toIntExact(Math.multiplyExact(Math.multiplyExact(batches, outer), coords * inner));
    int tp = params.index;
    int tix = indices.index;
    int to = out.index;
    TensorType it = indices.type;
    return m -> {
      int dst = m.offset[to];
      for (int b = 0; b < nb; b++) {
        for (int o = 0; o < no; o++) {
          for (int c = 0; c < nc; c++) {
            long k = Cast.readLong(it, m.data[tix], m.offset[tix], b * nc + c);
            if (k < 0 || k >= axisSize) {
              throw new InvalidInputException(
                  node.fail(
                          indices.describe()
                              + " holds index "
                              + k
                              + ", expected 0.."
                              + (axisSize - 1))
                      .getMessage());
            }
            int src = (int) (((long) (b * no + o) * axisSize + k) * block);
            System.arraycopy(m.data[tp], m.offset[tp] + src, m.data[to], dst, block);
            dst += block;
          }
        }
      }
    };
  }
}
