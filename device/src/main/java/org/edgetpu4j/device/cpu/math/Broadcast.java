package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;

/** Broadcasting of two inputs to one output shape, as index maps computed at planning time. */
public final class Broadcast {
  public final int[] shape;

  /** Element index into input 1 and 2 per output element; null when shapes are equal. */
  final int[] index1;

  final int[] index2;

  private Broadcast(int[] shape, int[] index1, int[] index2) {
    this.shape = shape;
    this.index1 = index1;
    this.index2 = index2;
  }

  public int size() {
    return Shapes.flatSize(shape);
  }

  public static Broadcast of(Node node, Slot a, Slot b) {
    if (java.util.Arrays.equals(a.shape, b.shape)) {
      return new Broadcast(a.shape.clone(), null, null);
    }
    int rank = Math.max(a.rank(), b.rank());
    int[] sa = Shapes.extend(a.shape, rank);
    int[] sb = Shapes.extend(b.shape, rank);
    int[] out = new int[rank];
    for (int d = 0; d < rank; d++) {
      node.require(
          sa[d] == sb[d] || sa[d] == 1 || sb[d] == 1,
          "shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape) + " do not broadcast");
      out[d] = Math.max(sa[d], sb[d]);
    }
    int n = Shapes.flatSize(out);
    int[] stA = Shapes.strides(sa);
    int[] stB = Shapes.strides(sb);
    int[] stO = Shapes.strides(out);
    int[] ia = new int[n];
    int[] ib = new int[n];
    for (int i = 0; i < n; i++) {
      int rem = i;
      int oa = 0;
      int ob = 0;
      for (int d = 0; d < rank; d++) {
        int c = rem / stO[d];
        rem -= c * stO[d];
        oa += (sa[d] == 1 ? 0 : c) * stA[d];
        ob += (sb[d] == 1 ? 0 : c) * stB[d];
      }
      ia[i] = oa;
      ib[i] = ob;
    }
    return new Broadcast(out, ia, ib);
  }

  public int i1(int i) {
    return index1 == null ? i : index1[i];
  }

  public int i2(int i) {
    return index2 == null ? i : index2[i];
  }
}
