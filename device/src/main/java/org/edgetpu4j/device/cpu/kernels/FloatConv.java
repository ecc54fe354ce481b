package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/** Float32 convolution, summed in TFLite's reference order (filter y, filter x, input channel). */
public final class FloatConv {
  private FloatConv() {}

  static Step conv(Node node, Conv2D.Geometry g, float[] w, Slot bias, int oc) {
    node.requireType(node.out(0), org.edgetpu4j.tflite.TensorType.FLOAT32);
    float[] b = QuantParamsPrep.floatBias(node, bias, oc);
    float[] r = Activations.floatRange(node, node.activation());
    int ti = node.in(0).index;
    int to = node.out(0).index;
    float[] x = new float[g.batches() * g.inH() * g.inW() * g.inC()];
    return m -> {
      byte[] xb = m.data[ti];
      int xo = m.offset[ti];
      for (int i = 0; i < x.length; i++) {
        x[i] = Bytes.f32(xb, xo, i);
      }
      byte[] y = m.data[to];
      int yo = m.offset[to];
      int o = 0;
      int c = g.inC();
      for (int n = 0; n < g.batches(); n++) {
        for (int oy = 0; oy < g.outH(); oy++) {
          for (int ox = 0; ox < g.outW(); ox++) {
            int y0 = oy * g.strideH() - g.padH();
            int x0 = ox * g.strideW() - g.padW();
            for (int ch = 0; ch < oc; ch++) {
              float total = 0f;
              for (int fy = 0; fy < g.fH(); fy++) {
                int iy = y0 + fy * g.dilH();
                for (int fx = 0; fx < g.fW(); fx++) {
                  int ix = x0 + fx * g.dilW();
                  if (iy < 0 || iy >= g.inH() || ix < 0 || ix >= g.inW()) {
                    continue;
                  }
                  int xi = ((n * g.inH() + iy) * g.inW() + ix) * c;
                  int wi = ((ch * g.fH() + fy) * g.fW() + fx) * c;
                  for (int k = 0; k < c; k++) {
                    total += x[xi + k] * w[wi + k];
                  }
                }
              }
              Bytes.f32(y, yo, o++, Activations.clamp(total + b[ch], r[0], r[1]));
            }
          }
        }
      }
    };
  }
}
