package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.TensorType;

/**
 * TRANSPOSE_CONV (inputs: output shape, weights [OC, H, W, IC], input, optional bias): every input
 * pixel scatters {@code w * (x - zp)} into an int32 scratch of the output, which is then biased and
 * requantized per channel (int8), or summed in float (float32).
 */
public final class TransposeConv implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot shape = node.in(0);
    Slot w = node.in(1);
    Slot in = node.in(2);
    Slot bias = node.optionalIn(3);
    Slot out = node.out(0);
    node.requireConstant(shape);
    node.requireConstant(w);
    node.requireRank(in, 4);
    int[] os = Bytes.ints(shape.constant);
    node.require(os.length == 4, "output shape must have 4 values");
    node.setShape(0, os);
    int oc = w.dim(0);
    int fh = w.dim(1);
    int fw = w.dim(2);
    int ic = w.dim(3);
    node.require(
        ic == in.dim(3) && oc == os[3], "weights " + Shapes.str(w.shape) + " do not match");
    int sh = node.options.getInt("stride_h");
    int sw = node.options.getInt("stride_w");
    boolean same = node.options.padding() == Padding.SAME;
    int oh = os[1];
    int ow = os[2];
    int ph = Shapes.padBefore(true, oh, fh, sh, 1, Shapes.outSize(same, oh, fh, sh, 1));
    int pw = Shapes.padBefore(true, ow, fw, sw, 1, Shapes.outSize(same, ow, fw, sw, 1));
    int n = in.dim(0);
    int ih = in.dim(1);
    int iw = in.dim(2);
    int ti = in.index;
    int to = out.index;
    node.requireType(in, TensorType.INT8);
    node.require(w.type == TensorType.INT8 && out.type == TensorType.INT8, "types must be int8");
    QuantParamsPrep.signedFilterOffset(node, w);
    int[][] mq = QuantParamsPrep.channelMultipliers(node, in, w, out, oc);
    int[] b32 = QuantParamsPrep.intBias(node, bias, oc);
    int[] range = Activations.quantizedRange(node, node.activation(), out);
    byte[] wq = w.constant;
    int inOff = -in.zeroPoint();
    int outZp = out.zeroPoint();
    int[] scratch = new int[n * oh * ow * oc];
    return m -> {
      java.util.Arrays.fill(scratch, 0);
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      for (int b = 0; b < n; b++) {
        for (int iy = 0; iy < ih; iy++) {
          for (int ix = 0; ix < iw; ix++) {
            for (int c = 0; c < ic; c++) {
              int v = x[xo + ((b * ih + iy) * iw + ix) * ic + c] + inOff;
              for (int fy = 0; fy < fh; fy++) {
                int oy = iy * sh - ph + fy;
                if (oy < 0 || oy >= oh) {
                  continue;
                }
                for (int fx = 0; fx < fw; fx++) {
                  int ox = ix * sw - pw + fx;
                  if (ox < 0 || ox >= ow) {
                    continue;
                  }
                  int so = ((b * oh + oy) * ow + ox) * oc;
                  for (int o = 0; o < oc; o++) {
                    scratch[so + o] += v * wq[((o * fh + fy) * fw + fx) * ic + c];
                  }
                }
              }
            }
          }
        }
      }
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int i = 0; i < scratch.length; i++) {
        int o = i % oc;
        int v =
            QuantMath.multiplyByQuantizedMultiplier(scratch[i] + b32[o], mq[0][o], mq[1][o])
                + outZp;
        y[yo + i] = (byte) QuantMath.clamp(v, range[0], range[1]);
      }
    };
  }
}
