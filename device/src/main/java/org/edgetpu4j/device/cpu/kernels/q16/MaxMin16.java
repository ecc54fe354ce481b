package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.kernels.elementwise.Indexing;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** MAXIMUM and MINIMUM on int16 raw values with broadcasting (one shared quantization). */
public final class MaxMin16 implements Kernel {
  private final boolean max;

  public MaxMin16(boolean max) {
    this.max = max;
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    node.requireType(a, TensorType.INT16);
    node.requireType(b, TensorType.INT16);
    node.requireType(out, TensorType.INT16);
    int[] shape = Indexing.broadcastShape(node, a, b);
    node.setShape(0, shape);
    int[] ia = Indexing.map(node, shape, a.shape);
    int[] ib = Indexing.map(node, shape, b.shape);
    int n = out.elementCount();
    int t1 = a.index;
    int t2 = b.index;
    int to = out.index;
    boolean mx = max;
    return m -> {
      for (int k = 0; k < n; k++) {
        int x = Bytes.i16(m.data[t1], m.offset[t1], Indexing.at(ia, k));
        int y = Bytes.i16(m.data[t2], m.offset[t2], Indexing.at(ib, k));
        Q16.put(m.data[to], m.offset[to], k, mx ? Math.max(x, y) : Math.min(x, y));
      }
    };
  }
}
