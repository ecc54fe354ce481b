package org.edgetpu4j.device.cpu.kernels.elementwise;

import java.util.Arrays;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** ADD_N: the sum of inputs of one shape, float32 or int32, added in input order. */
public final class AddN implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot first = node.in(0);
    Slot out = node.out(0);
    node.requireType(first, TensorType.FLOAT32, TensorType.INT32);
    int k = node.inputCount();
    int[] ts = new int[k];
    for (int j = 0; j < k; j++) {
      Slot s = node.in(j);
      node.require(
          s.type == first.type && Arrays.equals(s.shape, first.shape),
          s.describe() + " differs in type or shape from " + first.describe());
      ts[j] = s.index;
    }
    node.require(out.type == first.type, "output type " + out.type + " differs from " + first.type);
    node.setShape(0, first.shape);
    int n = first.elementCount();
    int to = out.index;
    boolean f = first.type == TensorType.FLOAT32;
    return m -> {
      for (int i = 0; i < n; i++) {
        if (f) {
          float acc = Bytes.f32(m.data[ts[0]], m.offset[ts[0]], i);
          for (int j = 1; j < k; j++) {
            acc += Bytes.f32(m.data[ts[j]], m.offset[ts[j]], i);
          }
          Bytes.f32(m.data[to], m.offset[to], i, acc);
        } else {
          int acc = Bytes.i32(m.data[ts[0]], m.offset[ts[0]], i);
          for (int j = 1; j < k; j++) {
            acc += Bytes.i32(m.data[ts[j]], m.offset[ts[j]], i);
          }
          Bytes.i32(m.data[to], m.offset[to], i, acc);
        }
      }
    };
  }
}
