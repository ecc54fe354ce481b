package org.edgetpu4j.device.cpu.kernels.elementwise;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * PRELU with a broadcast alpha: {@code x >= 0 ? x : x * alpha}. On int8/uint8 the positive branch
 * is rescaled by {@code s_in / s_out} and the negative one by {@code s_in * s_alpha / s_out}.
 */
public final class Prelu implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot x = node.in(0);
    Slot alpha = node.in(1);
    Slot out = node.out(0);
    node.require(
        alpha.type == x.type && out.type == x.type,
        "input/alpha/output types " + x.type + "/" + alpha.type + "/" + out.type + " differ");
    int[] shape = Indexing.broadcastShape(node, x, alpha);
    node.setShape(0, shape);
    int[] ix = Indexing.map(node, shape, x.shape);
    int[] ia = Indexing.map(node, shape, alpha.shape);
    int n = out.elementCount();
    int tx = x.index;
    int ta = alpha.index;
    int to = out.index;
    if (x.type == TensorType.FLOAT32) {
      return m -> {
        for (int k = 0; k < n; k++) {
          float v = Bytes.f32(m.data[tx], m.offset[tx], Indexing.at(ix, k));
          float a = Bytes.f32(m.data[ta], m.offset[ta], Indexing.at(ia, k));
          Bytes.f32(m.data[to], m.offset[to], k, v >= 0f ? v : v * a);
        }
      };
    }
    node.requireType(x, TensorType.INT8, TensorType.UINT8);
    node.requirePerTensor(x);
    node.requirePerTensor(alpha);
    node.requirePerTensor(out);
    QuantMath.Multiplier pos = QuantMath.quantizeMultiplier((double) x.scale() / out.scale());
    QuantMath.Multiplier neg =
        QuantMath.quantizeMultiplier((double) x.scale() * alpha.scale() / out.scale());
    boolean unsigned = x.type == TensorType.UINT8;
    int xOff = -x.zeroPoint();
    int aOff = -alpha.zeroPoint();
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    return m -> {
      byte[] xd = m.data[tx];
      int xo = m.offset[tx];
      byte[] ad = m.data[ta];
      int ao = m.offset[ta];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int k = 0; k < n; k++) {
        int xr = xd[xo + Indexing.at(ix, k)];
        int ar = ad[ao + Indexing.at(ia, k)];
        int v = (unsigned ? xr & 0xFF : xr) + xOff;
        int r;
        if (v >= 0) {
          r = QuantMath.multiply(v, pos);
        } else {
          int a = (unsigned ? ar & 0xFF : ar) + aOff;
          r = QuantMath.multiply(v * a, neg);
        }
        y[yo + k] = (byte) QuantMath.clamp(r + outZp, lo, hi);
      }
    };
  }
}
