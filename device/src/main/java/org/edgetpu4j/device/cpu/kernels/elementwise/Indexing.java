package org.edgetpu4j.device.cpu.kernels.elementwise;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.node.Checked;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;

/** Broadcasting of any number of inputs to one output shape, as per-input element index maps. */
public final class Indexing {
  private Indexing() {}

  /** The broadcast shape of {@code ins}; refuses shapes that do not broadcast. */
  public static int[] broadcastShape(Node node, Slot... ins) {
    int rank = 0;
    for (Slot s : ins) {
      rank = Math.max(rank, s.rank());
    }
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    for (Slot s : ins) {
      int[] e = Shapes.extend(s.shape, rank);
      for (int d = 0; d < rank; d++) {
        if (e[d] != 1) {
          node.require(
              out[d] == 1 || out[d] == e[d],
              s.describe() + " shape " + Shapes.str(s.shape) + " does not broadcast");
          out[d] = e[d];
        }
      }
    }
    return out;
  }

  /**
   * For each output element of {@code out}, the element index in {@code in}; null if equal. The
   * map's memory and the work to build it are charged to {@code node}'s load budget before it is
   * allocated, so a model cannot make the planner build an arbitrarily large map.
   */
  public static int[] map(Node node, int[] out, int[] in) {
    if (Arrays.equals(out, in)) {
      return null;
    }
    int rank = out.length;
    int[] e = Shapes.extend(in, rank);
    int[] stIn = Shapes.strides(e);
    int n = node.scratch(Checked.product(4, Checked.elements(out)), "a broadcast index map") / 4;
    node.work(Checked.product(n, Math.max(rank, 1)), "building a broadcast index map at load");
    int[] idx = new int[n];
    int[] c = new int[rank];
    int off = 0;
    for (int i = 0; i < n; i++) {
      idx[i] = off;
      for (int d = rank - 1; d >= 0; d--) {
        c[d]++;
        if (e[d] != 1) {
          off += stIn[d];
        }
        if (c[d] < out[d]) {
          break;
        }
        if (e[d] != 1) {
          off -= stIn[d] * out[d];
        }
        c[d] = 0;
      }
    }
    return idx;
  }

  /** {@code map[i]}, or {@code i} when the map is the identity. */
  public static int at(int[] map, int i) {
    return map == null ? i : map[i];
  }
}
