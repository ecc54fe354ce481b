package org.edgetpu4j.device.cpu.kernels.elementwise;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * SELECT and SELECT_V2: {@code out = cond ? x : y}, copying raw elements of any type. SELECT_V2
 * broadcasts all three inputs; SELECT takes a condition of the inputs' shape or, for inputs of rank
 * 1 and more, a vector choosing whole rows.
 */
public final class Select implements Kernel {
  private final boolean v2;

  public Select(boolean v2) {
    this.v2 = v2;
  }

  @Override
  public Step prepare(Node node) {
    Slot c = node.in(0);
    Slot x = node.in(1);
    Slot y = node.in(2);
    Slot out = node.out(0);
    node.requireType(c, TensorType.BOOL);
    node.require(
        x.type == y.type && out.type == x.type,
        "value/output types " + x.type + "/" + y.type + "/" + out.type + " differ");
    int size = Math.toIntExact(x.type.byteSize(1));
    node.require(size > 0, x.describe() + " has type " + x.type + ", which SELECT does not take");
    int[] shape;
    int[] ic;
    int[] ix;
    int[] iy;
    if (v2) {
      shape = Indexing.broadcastShape(node, c, x, y);
      ic = Indexing.map(node, shape, c.shape);
      ix = Indexing.map(node, shape, x.shape);
      iy = Indexing.map(node, shape, y.shape);
    } else {
      node.require(
          java.util.Arrays.equals(x.shape, y.shape),
          "value shapes " + Shapes.str(x.shape) + " and " + Shapes.str(y.shape) + " differ");
      shape = x.shape.clone();
      ix = null;
      iy = null;
      if (java.util.Arrays.equals(c.shape, x.shape)) {
        ic = null;
      } else {
        node.require(
            c.rank() == 1 && x.rank() >= 1 && c.dim(0) == x.dim(0),
            c.describe()
                + " has shape "
                + Shapes.str(c.shape)
                + ", expected "
                + Shapes.str(x.shape)
                + (x.rank() >= 1 ? " or [" + x.dim(0) + "]" : ""));
        int n = Shapes.flatSize(shape);
        int row = x.dim(0) == 0 ? 0 : n / x.dim(0);
        ic = new int[n];
        for (int k = 0; k < n; k++) {
          ic[k] = k / row;
        }
      }
    }
    node.setShape(0, shape);
    int n = Shapes.flatSize(shape);
    int tc = c.index;
    int tx = x.index;
    int ty = y.index;
    int to = out.index;
    return m -> {
      byte[] cd = m.data[tc];
      int co = m.offset[tc];
      for (int k = 0; k < n; k++) {
        boolean pick = cd[co + Indexing.at(ic, k)] != 0;
        int src = pick ? tx : ty;
        int idx = Indexing.at(pick ? ix : iy, k);
        System.arraycopy(
            m.data[src], m.offset[src] + idx * size, m.data[to], m.offset[to] + k * size, size);
      }
    };
  }
}
