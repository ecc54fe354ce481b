package org.edgetpu4j.device.cpu.kernels.shape;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * RANGE of int32 or float32 from constant start, limit and delta (the output's size depends on
 * them, so they must be known when planning).
 */
public final class Range implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot start = node.in(0);
    Slot limit = node.in(1);
    Slot delta = node.in(2);
    Slot out = node.out(0);
    for (Slot s : new Slot[] {start, limit, delta}) {
      node.require(
          s.isConstant(), s.describe() + " must be constant (the output size depends on it)");
      node.require(
          s.type == out.type && s.elementCount() == 1,
          s.describe() + " must be a scalar " + out.type);
    }
    node.requireType(out, TensorType.INT32, TensorType.FLOAT32);
    boolean isInt = out.type == TensorType.INT32;
    double s0 = isInt ? Bytes.i32(start.constant, 0, 0) : Bytes.f32(start.constant, 0, 0);
    double l0 = isInt ? Bytes.i32(limit.constant, 0, 0) : Bytes.f32(limit.constant, 0, 0);
    double d0 = isInt ? Bytes.i32(delta.constant, 0, 0) : Bytes.f32(delta.constant, 0, 0);
    node.require(d0 != 0 && !Double.isNaN(d0), "delta must not be zero");
    node.require(
        (s0 <= l0 && d0 > 0) || (s0 >= l0 && d0 < 0), "start, limit and delta do not agree");
    double count =
        isInt
            ? Math.ceil(Math.abs((l0 - s0) / d0))
            : Math.ceil(Math.abs((float) ((float) ((float) l0 - (float) s0) / (float) d0)));
    node.require(count <= (1 << 28), "range of " + count + " elements is too large");
    int n = (int) count;
    node.setShape(0, new int[] {n});
    int to = out.index;
    int si = (int) s0;
    int di = (int) d0;
    float sf = (float) s0;
    float df = (float) d0;
    return m -> {
      int v = si;
      float f = sf;
      for (int k = 0; k < n; k++) {
        if (isInt) {
          Bytes.i32(m.data[to], m.offset[to], k, v);
          v += di;
        } else {
          Bytes.f32(m.data[to], m.offset[to], k, f);
          f += df;
        }
      }
    };
  }
}
