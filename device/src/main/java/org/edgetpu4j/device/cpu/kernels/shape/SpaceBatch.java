package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * SPACE_TO_BATCH_ND (constant block shape and paddings; padding elements are the output's zero
 * point) and BATCH_TO_SPACE_ND (constant block shape and crops), any element type, for inputs of
 * rank 3 and 4 with {@code [batch, spatial..., depth]} layout.
 */
public final class SpaceBatch implements Kernel {
  private final boolean toBatch;

  public SpaceBatch(boolean toBatch) {
    this.toBatch = toBatch;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    int rank = in.rank();
    node.require(rank == 3 || rank == 4, in.describe() + " has rank " + rank + ", expected 3 or 4");
    long[] block = Remap.constInts(node, node.in(1), "block shape");
    long[] pads = Remap.constInts(node, node.in(2), toBatch ? "paddings" : "crops");
    int spatial = rank - 2;
    node.require(
        block.length == spatial && pads.length == 2 * spatial,
        "block shape needs " + spatial + " entries and paddings/crops " + 2 * spatial);
    int[] bl = new int[spatial];
    int[] before = new int[spatial];
    int[] after = new int[spatial];
    long blocks = 1;
    for (int d = 0; d < spatial; d++) {
      node.require(block[d] >= 1 && block[d] <= 1 << 16, "block size " + block[d] + " invalid");
      bl[d] = (int) block[d];
      blocks *= bl[d];
      before[d] = Remap.dim(node, pads[2 * d], "padding/crop");
      after[d] = Remap.dim(node, pads[2 * d + 1], "padding/crop");
    }
    int[] shape = new int[rank];
    shape[rank - 1] = in.dim(rank - 1);
    int inBatch = in.dim(0);
    if (toBatch) {
      shape[0] = Math.toIntExact(Math.multiplyExact(blocks, (long) inBatch));
      for (int d = 0; d < spatial; d++) {
        long padded = (long) in.dim(d + 1) + before[d] + after[d];
        node.require(
            padded % bl[d] == 0,
            "padded size " + padded + " of axis " + (d + 1) + " is not a multiple of " + bl[d]);
        shape[d + 1] = (int) (padded / bl[d]);
      }
    } else {
      node.require(inBatch % blocks == 0, "batch " + inBatch + " is not a multiple of " + blocks);
      shape[0] = (int) (inBatch / blocks);
      for (int d = 0; d < spatial; d++) {
        long full = (long) in.dim(d + 1) * bl[d] - before[d] - after[d];
        node.require(full >= 0, "crops exceed axis " + (d + 1));
        shape[d + 1] = (int) full;
      }
    }
    Remap.volume(node, shape);
    node.setShape(0, shape);
    int[] st = Shapes.strides(in.shape);
    int outBatch = shape[0];
    int[] map =
        Remap.build(
            shape,
            c -> {
              int j;
              if (toBatch) {
                int b = c[0] % inBatch;
                int shift = c[0] / inBatch;
                j = b * st[0];
                for (int d = spatial - 1; d >= 0; d--) {
                  int off = shift % bl[d];
                  shift /= bl[d];
                  int x = c[d + 1] * bl[d] + off - before[d];
                  if (x < 0 || x >= in.dim(d + 1)) {
                    return -1;
                  }
                  j += x * st[d + 1];
                }
              } else {
                int shift = 0;
                j = 0;
                for (int d = 0; d < spatial; d++) {
                  int x = c[d + 1] + before[d];
                  shift = shift * bl[d] + x % bl[d];
                  j += (x / bl[d]) * st[d + 1];
                }
                j += (shift * outBatch + c[0]) * st[0];
              }
              return j + c[rank - 1];
            });
    return Remap.step(in, out, size, map, Remap.zero(out, size));
  }
}
