package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.kernels.elementwise.Indexing;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** BROADCAST_TO a constant shape, any element type. */
public final class BroadcastTo implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Remap.requireSameType(node, in, out);
    int size = Remap.elementSize(node, in);
    long[] target = Remap.constInts(node, node.in(1), "shape");
    node.require(
        target.length >= in.rank() && target.length <= 8,
        "target rank " + target.length + " must be in " + in.rank() + "..8");
    int[] shape = new int[target.length];
    for (int d = 0; d < shape.length; d++) {
      shape[d] = Remap.dim(node, target[d], "target dimension");
    }
    Remap.volume(node, shape);
    int[] e = Shapes.extend(in.shape, shape.length);
    for (int d = 0; d < shape.length; d++) {
      node.require(
          e[d] == shape[d] || e[d] == 1,
          "cannot broadcast " + Shapes.str(in.shape) + " to " + Shapes.str(shape));
    }
    node.setShape(0, shape);
    int[] map = Indexing.map(node, shape, in.shape);
    if (map == null) {
      map = Remap.build(shape, c -> 0);
      for (int k = 0; k < map.length; k++) {
        map[k] = k;
      }
    }
    return Remap.step(in, out, size, map, null);
  }
}
