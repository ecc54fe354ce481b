package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.DepthwiseQuant;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * DEPTHWISE_CONV_2D with any depth multiplier: int8 (per-channel) and uint8 in integers, float32 in
 * float. Filter layout [1, H, W, C * multiplier]; output channel {@code c * multiplier + m} reads
 * input channel {@code c}.
 */
public final class DepthwiseConv2D implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot filter = node.in(1);
    Slot bias = node.optionalIn(2);
    Slot out = node.out(0);
    node.requireRank(in, 4);
    node.requireRank(filter, 4);
    node.requireConstant(filter);
    int oc = filter.dim(3);
    int mult = node.options.getInt("depth_multiplier");
    int ic = in.dim(3);
    node.require(ic > 0 && oc % ic == 0, "filter depth " + oc + " is not a multiple of " + ic);
    int dm = oc / ic;
    node.require(mult == 0 || mult == dm, "depth_multiplier " + mult + " != " + dm);
    Conv2D.Geometry g = Conv2D.Geometry.of(node, in, filter.dim(1), filter.dim(2), "dilation_");
    node.setShape(0, new int[] {g.batches(), g.outH(), g.outW(), oc});
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT32) {
      node.requireType(filter, TensorType.FLOAT32);
      float[] w = Bytes.floats(filter.constant);
      float[] b = QuantParamsPrep.floatBias(node, bias, oc);
      float[] r = Activations.floatRange(node, node.activation());
      return m -> {
        int o = 0;
        for (int n = 0; n < g.batches(); n++) {
          for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < g.outW(); ox++) {
              for (int c = 0; c < ic; c++) {
                for (int k = 0; k < dm; k++) {
                  int ch = c * dm + k;
                  float total = 0f;
                  for (int fy = 0; fy < g.fH(); fy++) {
                    int iy = oy * g.strideH() - g.padH() + fy * g.dilH();
                    for (int fx = 0; fx < g.fW(); fx++) {
                      int ix = ox * g.strideW() - g.padW() + fx * g.dilW();
                      if (iy >= 0 && iy < g.inH() && ix >= 0 && ix < g.inW()) {
                        total +=
                            Bytes.f32(
                                    m.data[ti],
                                    m.offset[ti],
                                    ((n * g.inH() + iy) * g.inW() + ix) * ic + c)
                                * w[(fy * g.fW() + fx) * oc + ch];
                      }
                    }
                  }
                  Bytes.f32(
                      m.data[to], m.offset[to], o++, Activations.clamp(total + b[ch], r[0], r[1]));
                }
              }
            }
          }
        }
      };
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.require(filter.type == in.type && out.type == in.type, "mixed types");
    int[][] mq = QuantParamsPrep.channelMultipliers(node, in, filter, out, oc);
    int[] bias32 = QuantParamsPrep.intBias(node, bias, oc);
    int[] range = Activations.quantizedRange(node, node.activation(), out);
    byte[] w = QuantParamsPrep.signedBytes(filter.constant, filter.type);
    int foff = QuantParamsPrep.signedFilterOffset(node, filter);
    int ioff = QuantParamsPrep.signedInputOffset(in);
    boolean flip = in.type == TensorType.UINT8;
    return new DepthwiseQuant(
        g, ti, to, w, foff, ioff, flip, dm, bias32, mq, out.zeroPoint(), range);
  }
}
