package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * LOGISTIC and TANH on int16: the input is rescaled so that the table's 256 points span [0, 10.7)
 * (16 or 8 fractional table bits), the sigmoid table is interpolated linearly, and {@code tanh(x) =
 * 2 sigmoid(2x) - 1} reuses it. The output scale must be 2^-15 and zero points 0.
 */
public final class Sigmoid16 implements Kernel {
  private final boolean tanh;

  public Sigmoid16(boolean tanh) {
    this.tanh = tanh;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    node.requireType(in, TensorType.INT16);
    node.requireType(out, TensorType.INT16);
    node.requirePerTensor(in);
    node.requirePerTensor(out);
    node.require(
        in.zeroPoint() == 0 && out.zeroPoint() == 0,
        "int16 zero points must be 0, are " + in.zeroPoint() + " and " + out.zeroPoint());
    node.require(in.scale() > 0, in.describe() + " has scale " + in.scale());
    node.require(
        log2Exact(out.scale()) == -15,
        out.describe() + " has scale " + out.scale() + ", expected 2^-15");
    node.setShape(0, in.shape);
    int multiplier = 0;
    int log2 = log2Exact(in.scale());
    int leftShift = 12 + (log2 == Integer.MIN_VALUE ? 0 : log2);
    if (log2 == Integer.MIN_VALUE || (leftShift != 0 && leftShift != 1)) {
      double m = in.scale() * 4096.0 * 3.0;
      leftShift = 0;
      while (m <= 32767.0 / 2.0 && leftShift <= 30) {
        leftShift++;
        m *= 2.0;
      }
      multiplier = (int) m;
    }
    if (multiplier == 0) {
      multiplier = 3 << leftShift;
      leftShift = 0;
    }
    int mul = multiplier;
    int shift = leftShift;
    int round = shift > 0 ? 1 << (shift - 1) : 0;
    int n = in.elementCount();
    int ti = in.index;
    int to = out.index;
    boolean t = tanh;
    int[] table = SigmoidTable.VALUES;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int k = 0; k < n; k++) {
        int v = (Bytes.i16(x, xo, k) * mul + round) >> shift;
        int abs = Math.abs(v);
        int r;
        if (t) {
          int uh = abs >>> 8;
          if (uh >= 255) {
            r = 0xFFFF << 8;
          } else {
            int ua = table[uh];
            r = (ua << 8) + (abs & 0xFF) * (table[uh + 1] - ua);
          }
          r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
          r >>= 8;
        } else {
          int uh = abs >>> 9;
          if (uh >= 255) {
            r = 0x7FFF << 10;
          } else {
            int ua = table[uh];
            r = (ua << 9) + (abs & 0x1FF) * (table[uh + 1] - ua);
          }
          r = v >= 0 ? r + (1 << 9) : (1 << 25) - r + (1 << 9) - 1;
          r >>>= 10;
        }
        y[yo + 2 * k] = (byte) r;
        y[yo + 2 * k + 1] = (byte) (r >> 8);
      }
    };
  }

  /** {@code log2(scale)} when it is within 1e-3 of an integer (TFLite's CheckedLog2), else MIN. */
  static int log2Exact(float scale) {
    float l = (float) Math.log(scale) * (1.0f / (float) Math.log(2.0f));
    float rounded = Math.round(l);
    return Math.abs(l - rounded) < 1e-3f ? (int) rounded : Integer.MIN_VALUE;
  }
}
