package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.Broadcast;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.TensorType;

/**
 * DIV (float32 with its fused activation; int32 truncating) and FLOOR_DIV (float32 {@code floor(a /
 * b)}, int32 rounding toward negative infinity), with broadcasting. An integer division by zero
 * stops the invocation, as TFLite's kernels do.
 */
public final class Divide implements Kernel {
  private final boolean floor;

  /** FLOOR_DIV when {@code floor}, else DIV. */
  public Divide(boolean floor) {
    this.floor = floor;
  }

  @Override
  public Step prepare(Node node) {
    Slot a = node.in(0);
    Slot b = node.in(1);
    Slot out = node.out(0);
    node.requireType(a, TensorType.FLOAT32, TensorType.INT32);
    node.require(
        b.type == a.type && out.type == a.type,
        "types " + a.type + "/" + b.type + "/" + out.type + " differ; expected one type");
    Broadcast bc = Broadcast.of(node, a, b);
    node.setShape(0, bc.shape);
    int n = bc.size();
    int ta = a.index;
    int tb = b.index;
    int to = out.index;
    boolean flo = floor;
    if (a.type == TensorType.FLOAT32) {
      float[] r =
          flo ? new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY} : floatRange(node);
      return m -> {
        for (int i = 0; i < n; i++) {
          float p = Bytes.f32(m.data[ta], m.offset[ta], bc.i1(i));
          float q = Bytes.f32(m.data[tb], m.offset[tb], bc.i2(i));
          if (flo && q == 0) {
            throw new InvalidInputException(
                node.fail("division by zero in " + b.describe()).getMessage());
          }
          float v = flo ? (float) Math.floor((double) p / (double) q) : p / q;
          Bytes.f32(m.data[to], m.offset[to], i, Activations.clamp(v, r[0], r[1]));
        }
      };
    }
    node.require(
        flo || node.activation() == Activation.NONE,
        "int32 DIV with a fused activation is not supported");
    return m -> {
      for (int i = 0; i < n; i++) {
        int p = Bytes.i32(m.data[ta], m.offset[ta], bc.i1(i));
        int q = Bytes.i32(m.data[tb], m.offset[tb], bc.i2(i));
        if (q == 0) {
          throw new InvalidInputException(
              node.fail("division by zero in " + b.describe()).getMessage());
        }
        Bytes.i32(m.data[to], m.offset[to], i, flo ? Math.floorDiv(p, q) : p / q);
      }
    };
  }

  private static float[] floatRange(Node node) {
    return Activations.floatRange(node, node.activation());
  }
}
