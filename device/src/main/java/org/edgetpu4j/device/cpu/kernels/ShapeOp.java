package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** SHAPE: the input's shape, known at planning time, so the output becomes a constant. */
public final class ShapeOp implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireType(out, TensorType.INT32, TensorType.INT64);
    node.setShape(0, new int[] {in.rank()});
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(out.byteSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int d : in.shape) {
      if (out.type == TensorType.INT32) {
        b.putInt(d);
      } else {
        b.putLong(d);
      }
    }
    out.constant = b.array();
    return m -> {};
  }
}
