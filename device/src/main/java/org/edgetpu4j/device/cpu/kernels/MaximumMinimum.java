package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Broadcast;
import org.edgetpu4j.device.cpu.math.Elementwise;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/** MAXIMUM and MINIMUM on raw values (inputs and output share quantization), with broadcasting. */
public final class MaximumMinimum implements Kernel {
  private final boolean max;

  MaximumMinimum(boolean max) {
    this.max = max;
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Broadcast bc = Broadcast.of(node, a, b);
    node.setShape(0, bc.shape);
    node.require(b.type == a.type && node.out(0).type == a.type, "mixed types");
    if (a.type == TensorType.FLOAT32) {
      return Elementwise.floatStep(node, bc, max ? Math::max : Math::min);
    }
    node.requireType(a, TensorType.INT8, TensorType.UINT8);
    boolean mx = max;
    return Elementwise.quant8Step(
        node, bc, (x, y) -> mx ? Math.max(x, y) : Math.min(x, y), -128, 255);
  }
}
