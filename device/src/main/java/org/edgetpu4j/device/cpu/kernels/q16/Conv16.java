package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.kernels.Conv2D;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * CONV_2D and DEPTHWISE_CONV_2D in 16x8: int16 input and output (zero point 0), int8 symmetric
 * filters per channel or per tensor, int64 or int32 bias; products summed in 64 bits and rescaled
 * with TFLite's 64-bit multiplier.
 */
public final class Conv16 implements Kernel {
  private final boolean depthwise;

  public Conv16(boolean depthwise) {
    this.depthwise = depthwise;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot filter = node.in(1);
    Slot bias = node.optionalIn(2);
    Slot out = node.out(0);
    Q16.requireInt16(node, in);
    Q16.requireInt16(node, out);
    node.requireRank(in, 4);
    node.requireRank(filter, 4);
    node.requireConstant(filter);
    node.requireType(filter, TensorType.INT8);
    for (int zp : filter.zeroPoints) {
      node.require(zp == 0, filter.describe() + " has zero point " + zp + ", expected 0");
    }
    int fh = filter.dim(1);
    int fw = filter.dim(2);
    int inC = in.dim(3);
    int outC;
    int mult;
    if (depthwise) {
      mult = node.options.getInt("depth_multiplier");
      outC = filter.dim(3);
      node.require(
          filter.dim(0) == 1 && mult >= 1 && (long) inC * mult == outC,
          filter.describe() + " shape does not match input depth " + inC + " x multiplier " + mult);
    } else {
      mult = 1;
      outC = filter.dim(0);
      node.require(
          filter.dim(3) > 0 && inC % filter.dim(3) == 0 && filter.dim(3) == inC,
          filter.describe() + " has depth " + filter.dim(3) + ", expected " + inC);
    }
    Conv2D.Geometry g = Conv2D.Geometry.of(node, in, fh, fw, depthwise ? "dilation_" : "dilation_");
    node.setShape(0, new int[] {g.batches(), g.outH(), g.outW(), outC});
    int[][] q = QuantParamsPrep.channelMultipliers(node, in, filter, out, outC);
    long[] b = bias64(node, bias, outC);
    int[] r = Q16.range(node, out);
    byte[] w = filter.constant;
    int ti = in.index;
    int to = out.index;
    int ih = g.inH();
    int iw = g.inW();
    int oh = g.outH();
    int ow = g.outW();
    boolean dw = depthwise;
    int m8 = mult;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int n = 0; n < g.batches(); n++) {
        for (int oy = 0; oy < oh; oy++) {
          for (int ox = 0; ox < ow; ox++) {
            for (int oc = 0; oc < outC; oc++) {
              long acc = 0;
              for (int ky = 0; ky < fh; ky++) {
                int yy = oy * g.strideH() - g.padH() + ky * g.dilH();
                if (yy < 0 || yy >= ih) {
                  continue;
                }
                for (int kx = 0; kx < fw; kx++) {
                  int xx = ox * g.strideW() - g.padW() + kx * g.dilW();
                  if (xx < 0 || xx >= iw) {
                    continue;
                  }
                  int pix = ((n * ih + yy) * iw + xx) * inC;
                  if (dw) {
                    int v = Bytes.i16(x, xo, pix + oc / m8);
                    acc += v * w[(ky * fw + kx) * outC + oc];
                  } else {
                    int fbase = ((oc * fh + ky) * fw + kx) * inC;
                    for (int ic = 0; ic < inC; ic++) {
                      acc += Bytes.i16(x, xo, pix + ic) * w[fbase + ic];
                    }
                  }
                }
              }
              acc += b[oc];
              int v = QuantMath.multiplyByQuantizedMultiplier(acc, q[0][oc], q[1][oc]);
              Q16.put(
                  y, yo, ((n * oh + oy) * ow + ox) * outC + oc, Math.min(Math.max(v, r[0]), r[1]));
            }
          }
        }
      }
    };
  }

  /** The bias as 64-bit values (int64 or int32 tensors), zeros when absent. */
  static long[] bias64(Node node, Slot bias, int channels) {
    long[] b = new long[channels];
    if (bias == null) {
      return b;
    }
    node.requireConstant(bias);
    node.requireType(bias, TensorType.INT64, TensorType.INT32);
    node.require(
        bias.elementCount() == channels,
        bias.describe() + " has " + bias.elementCount() + " values, expected " + channels);
    for (int c = 0; c < channels; c++) {
      b[c] =
          bias.type == TensorType.INT64
              ? Bytes.i64(bias.constant, 0, c)
              : Bytes.i32(bias.constant, 0, c);
    }
    return b;
  }
}
