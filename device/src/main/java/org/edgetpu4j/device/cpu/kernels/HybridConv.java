package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.HybridQuant;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * Dynamic-range CONV_2D: float activations, int8 per-channel weights. Each batch of the input is
 * quantized asymmetrically to int8 at run time, convolved in integers and scaled back to float, as
 * TFLite's hybrid per-channel reference kernel does.
 */
public final class HybridConv {
  private HybridConv() {}

  static Step prepare(Node node, Conv2D.Geometry g, Slot filter, Slot bias, int oc) {
    node.requireType(node.out(0), TensorType.FLOAT32);
    QuantParamsPrep.signedFilterOffset(node, filter);
    node.require(
        filter.scales.length == 1 || filter.scales.length == oc,
        filter.describe() + " needs 1 or " + oc + " scales");
    float[] scales = new float[oc];
    for (int c = 0; c < oc; c++) {
      scales[c] = filter.scales.length == 1 ? filter.scales[0] : filter.scales[c];
    }
    float[] b = QuantParamsPrep.floatBias(node, bias, oc);
    float[] r = Activations.floatRange(node, node.activation());
    byte[] w = filter.constant;
    int ti = node.in(0).index;
    int to = node.out(0).index;
    int perBatch = g.inH() * g.inW() * g.inC();
    float[] xf = new float[perBatch];
    byte[] xq = new byte[perBatch];
    float[] scaleOut = new float[1];
    int[] zpOut = new int[1];
    return m -> {
      byte[] xb = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      int o = 0;
      int c = g.inC();
      for (int n = 0; n < g.batches(); n++) {
        for (int i = 0; i < perBatch; i++) {
          xf[i] = Bytes.f32(xb, xo, n * perBatch + i);
        }
        HybridQuant.asymmetricQuantize(xf, xq, scaleOut, zpOut);
        float factor = scaleOut[0];
        int zp = zpOut[0];
        for (int oy = 0; oy < g.outH(); oy++) {
          for (int ox = 0; ox < g.outW(); ox++) {
            int y0 = oy * g.strideH() - g.padH();
            int x0 = ox * g.strideW() - g.padW();
            for (int ch = 0; ch < oc; ch++) {
              int acc = 0;
              for (int fy = 0; fy < g.fH(); fy++) {
                int iy = y0 + fy * g.dilH();
                for (int fx = 0; fx < g.fW(); fx++) {
                  int ix = x0 + fx * g.dilW();
                  if (iy < 0 || iy >= g.inH() || ix < 0 || ix >= g.inW()) {
                    continue;
                  }
                  int xi = (iy * g.inW() + ix) * c;
                  int wi = ((ch * g.fH() + fy) * g.fW() + fx) * c;
                  for (int k = 0; k < c; k++) {
                    acc += w[wi + k] * (xq[xi + k] - zp);
                  }
                }
              }
              float v = acc * scales[ch] * factor + b[ch];
              Bytes.f32(y, yo, o++, Activations.clamp(v, r[0], r[1]));
            }
          }
        }
      }
    };
  }
}
