package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.Dot;
import org.edgetpu4j.device.cpu.math.HybridQuant;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;

/**
 * Dynamic-range FULLY_CONNECTED: each input row is quantized to int8 at run time (asymmetric or
 * symmetric as the options say), multiplied with the int8 weights and scaled back to float.
 */
public final class HybridFullyConnected {
  private HybridFullyConnected() {}

  static Step prepare(Node node, Slot w, Slot bias, int rows, int units, int depth) {
    node.requireType(node.out(0), org.edgetpu4j.tflite.TensorType.FLOAT32);
    QuantParamsPrep.signedFilterOffset(node, w);
    float[] scales = new float[units];
    for (int u = 0; u < units; u++) {
      scales[u] = w.scales.length == 1 ? w.scales[0] : w.scales[u];
    }
    float[] b = QuantParamsPrep.floatBias(node, bias, units);
    float[] r = Activations.floatRange(node, node.activation());
    boolean asymmetric =
        node.options.has("asymmetric_quantize_inputs")
            && node.options.getBool("asymmetric_quantize_inputs");
    byte[] wq = w.constant;
    int[] rowSums = new int[units];
    for (int u = 0; u < units; u++) {
      for (int k = 0; k < depth; k++) {
        rowSums[u] += wq[u * depth + k];
      }
    }
    int ti = node.in(0).index;
    int to = node.out(0).index;
    float[] xf = new float[depth];
    byte[] xq = new byte[depth];
    float[] sc = new float[1];
    int[] zp = new int[1];
    return m -> {
      for (int row = 0; row < rows; row++) {
        for (int k = 0; k < depth; k++) {
          xf[k] = Bytes.f32(m.data[ti], m.offset[ti], row * depth + k);
        }
        float factor;
        int offset;
        if (asymmetric) {
          HybridQuant.asymmetricQuantize(xf, xq, sc, zp);
          factor = sc[0];
          offset = zp[0];
        } else {
          factor = HybridQuant.symmetricQuantize(xf, 0, depth, xq);
          offset = 0;
        }
        for (int u = 0; u < units; u++) {
          int dot = Dot.dot(xq, 0, wq, u * depth, depth) - offset * rowSums[u];
          float v = b[u] + dot * (factor * scales[u]);
          Bytes.f32(m.data[to], m.offset[to], row * units + u, Activations.clamp(v, r[0], r[1]));
        }
      }
    };
  }
}
