package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.tflite.TensorType;

/** Checks shared by the 16x8 kernels. */
final class Q16 {
  private Q16() {}

  /** Refuses unless {@code s} is int16, per tensor, with zero point 0. */
  static void requireInt16(Node node, Slot s) {
    node.requireType(s, TensorType.INT16);
    node.requirePerTensor(s);
    node.require(
        s.zeroPoint() == 0,
        s.describe() + " is int16 with zero point " + s.zeroPoint() + ", expected 0");
    node.require(s.scale() > 0, s.describe() + " has scale " + s.scale() + ", expected > 0");
  }

  /** The fused activation's clamp in int16 output units. */
  static int[] range(Node node, Slot out) {
    return Activations.quantizedRange(node, node.activation(), out);
  }

  static void put(byte[] a, int base, int i, int v) {
    a[base + 2 * i] = (byte) v;
    a[base + 2 * i + 1] = (byte) (v >> 8);
  }
}
