package org.edgetpu4j.device.cpu.kernels;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * MEAN over constant axes: 8-bit with TFLite's reference rescaling (sum of raw values, zero point
 * removed, one multiplier folding {@code 1/n}), and float32.
 */
public final class Mean implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot axes = node.in(1);
    Slot out = node.out(0);
    node.requireConstant(axes);
    node.requireType(axes, TensorType.INT32);
    int rank = in.rank();
    boolean[] reduced = new boolean[rank];
    for (int a : Bytes.ints(axes.constant)) {
      int r = a < 0 ? a + rank : a;
      node.require(r >= 0 && r < rank, "axis " + a + " is out of range for rank " + rank);
      reduced[r] = true;
    }
    boolean keep = node.options.getBool("keep_dims");
    List<Integer> outShape = new ArrayList<>();
    int n = 1;
    for (int d = 0; d < rank; d++) {
      if (reduced[d]) {
        n *= in.dim(d);
        if (keep) {
          outShape.add(1);
        }
      } else {
        outShape.add(in.dim(d));
      }
    }
    node.setShape(0, outShape.stream().mapToInt(Integer::intValue).toArray());
    // map each input element to its output element
    int[] strides = Shapes.strides(in.shape);
    int[] outIndex = new int[in.elementCount()];
    int[] keptStrides = new int[rank];
    int acc = 1;
    for (int d = rank - 1; d >= 0; d--) {
      if (!reduced[d]) {
        keptStrides[d] = acc;
        acc *= in.dim(d);
      }
    }
    for (int i = 0; i < outIndex.length; i++) {
      int o = 0;
      int rem = i;
      for (int d = 0; d < rank; d++) {
        int c = rem / strides[d];
        rem -= c * strides[d];
        o += c * keptStrides[d];
      }
      outIndex[i] = o;
    }
    int outCount = acc;
    int count = n;
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT32) {
      float[] sums = new float[outCount];
      return m -> {
        java.util.Arrays.fill(sums, 0f);
        for (int i = 0; i < outIndex.length; i++) {
          sums[outIndex[i]] += Bytes.f32(m.data[ti], m.offset[ti], i);
        }
        for (int o = 0; o < outCount; o++) {
          Bytes.f32(m.data[to], m.offset[to], o, sums[o] / count);
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.require(out.type == in.type, "output type " + out.type + " differs from " + in.type);
    QuantMath.Multiplier base =
        QuantMath.quantizeMultiplier((double) in.scale() / (double) out.scale());
    int shift = 63 - Long.numberOfLeadingZeros(count);
    shift = Math.min(shift, 32);
    shift = Math.min(shift, 31 + base.shift());
    int mult = (int) (((long) base.multiplier() << shift) / count);
    int outShift = base.shift() - shift;
    int inZp = in.zeroPoint();
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    boolean unsigned = in.type == TensorType.UINT8;
    int[] sums = new int[outCount];
    return m -> {
      java.util.Arrays.fill(sums, 0);
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      for (int i = 0; i < outIndex.length; i++) {
        sums[outIndex[i]] += unsigned ? x[xo + i] & 0xFF : x[xo + i];
      }
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int o = 0; o < outCount; o++) {
        int shifted = sums[o] - inZp * count;
        int v = QuantMath.multiplyByQuantizedMultiplier(shifted, mult, outShift) + outZp;
        y[yo + o] = (byte) QuantMath.clamp(v, lo, hi);
      }
    };
  }
}
