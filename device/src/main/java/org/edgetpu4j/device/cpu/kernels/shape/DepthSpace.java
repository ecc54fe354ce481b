package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * DEPTH_TO_SPACE and SPACE_TO_DEPTH on NHWC tensors of any element type: blocks of {@code
 * block_size x block_size} pixels move to and from channels, row of the block first.
 */
public final class DepthSpace implements Kernel {
  private final boolean toSpace;

  public DepthSpace(boolean toSpace) {
    this.toSpace = toSpace;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    node.requireRank(in, 4);
    int bs = node.options.getInt("block_size");
    node.require(bs >= 1 && bs <= 4096, "block_size " + bs + " must be positive");
    int b = in.dim(0);
    int h = in.dim(1);
    int w = in.dim(2);
    int c = in.dim(3);
    int[] shape;
    int[] map;
    if (toSpace) {
      node.require(c % (bs * bs) == 0, "depth " + c + " is not a multiple of " + bs * bs);
      int oc = c / (bs * bs);
      shape = new int[] {b, Math.multiplyExact(h, bs), Math.multiplyExact(w, bs), oc};
      Remap.volume(node, shape);
      map =
          Remap.build(
              shape,
              k -> {
                int ic = ((k[1] % bs) * bs + k[2] % bs) * oc + k[3];
                return ((k[0] * h + k[1] / bs) * w + k[2] / bs) * c + ic;
              });
    } else {
      node.require(
          h % bs == 0 && w % bs == 0, "height " + h + " and width " + w + " must divide by " + bs);
      int oc = Math.multiplyExact(c, bs * bs);
      shape = new int[] {b, h / bs, w / bs, oc};
      map =
          Remap.build(
              shape,
              k -> {
                int block = k[3] / c;
                int ih = k[1] * bs + block / bs;
                int iw = k[2] * bs + block % bs;
                return ((k[0] * h + ih) * w + iw) * c + k[3] % c;
              });
    }
    node.setShape(0, shape);
    return Remap.step(in, out, size, map, null);
  }
}
