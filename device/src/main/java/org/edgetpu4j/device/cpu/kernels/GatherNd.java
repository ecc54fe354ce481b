package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * GATHER_ND: {@code out[i..., rest...] = params[indices[i..., :], rest...]}; any fixed-size element
 * type, int32 or int64 indices. An index out of range stops the invocation (TFLite's reference
 * kernel reports an error there too).
 */
public final class GatherNd implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot params = node.in(0);
    Slot indices = node.in(1);
    Slot out = node.out(0);
    node.require(params.type.hasFixedSize(), params.describe() + " has no fixed element size");
    node.requireType(indices, TensorType.INT32, TensorType.INT64);
    node.require(out.type == params.type, out.describe() + " type differs from the params");
    node.require(indices.rank() >= 1, indices.describe() + " is a scalar, expected rank >= 1");
    node.require(params.rank() >= 1, params.describe() + " is a scalar, expected rank >= 1");
    int depth = indices.dim(indices.rank() - 1);
    node.require(
        depth <= params.rank(),
        indices.describe()
            + " indexes "
            + depth
            + " dimensions, expected at most the params rank "
            + params.rank());
    int[] shape = new int[indices.rank() - 1 + params.rank() - depth];
    long lookups = 1;
    for (int d = 0; d < indices.rank() - 1; d++) {
      shape[d] = indices.dim(d);
      lookups = Math.multiplyExact(lookups, indices.dim(d));
    }
    long slice = params.type.byteSize(1);
    for (int d = depth; d < params.rank(); d++) {
      shape[indices.rank() - 1 + d - depth] = params.dim(d);
      slice = Math.multiplyExact(slice, params.dim(d));
    }
    node.setShape(0, shape);
    int[] dims = new int[depth];
    long[] strides = new long[depth];
    long stride = slice;
    for (int d = depth - 1; d >= 0; d--) {
      dims[d] = params.dim(d);
      strides[d] = stride;
      stride = Math.multiplyExact(stride, params.dim(d));
    }
    int n = Math.toIntExact(lookups);
    int block = Math.toIntExact(slice);
    int tp = params.index;
    int tix = indices.index;
    int to = out.index;
    TensorType it = indices.type;
    return m -> {
      for (int i = 0; i < n; i++) {
        long src = 0;
        for (int d = 0; d < depth; d++) {
          long k = Cast.readLong(it, m.data[tix], m.offset[tix], i * depth + d);
          if (k < 0 || k >= dims[d]) {
            throw new InvalidInputException(
                node.fail(
                        indices.describe()
                            + " holds index "
                            + k
                            + " for dimension "
                            + d
                            + " of size "
                            + dims[d])
                    .getMessage());
          }
          src += k * strides[d];
        }
        System.arraycopy(
            m.data[tp], m.offset[tp] + (int) src, m.data[to], m.offset[to] + i * block, block);
      }
    };
  }
}
