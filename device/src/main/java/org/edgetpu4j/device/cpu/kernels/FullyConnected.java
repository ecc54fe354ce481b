package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.math.QuantRows;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * FULLY_CONNECTED: weights [units, depth], optional bias, keep_num_dims. 8-bit through {@link
 * QuantRows}; float32 in reference order; hybrid (float input, int8 weights) quantizes each input
 * row at run time.
 */
public final class FullyConnected implements Kernel {
  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot w = node.in(1);
    Slot bias = node.optionalIn(2);
    Slot out = node.out(0);
    node.requireRank(w, 2);
    node.requireConstant(w);
    int units = w.dim(0);
    int depth = w.dim(1);
    node.require(
        depth > 0 && in.elementCount() % depth == 0,
        "input " + Shapes.str(in.shape) + " is not a multiple of weight depth " + depth);
    int rows = in.elementCount() / depth;
    if (node.options.getBool("keep_num_dims")) {
      int[] s = in.shape.clone();
      s[s.length - 1] = units;
      node.setShape(0, s);
    } else {
      node.setShape(0, new int[] {rows, units});
    }
    int ti = in.index;
    int to = out.index;
    if (in.type == TensorType.FLOAT32 && w.type == TensorType.FLOAT32) {
      float[] wf = Bytes.floats(w.constant);
      float[] b = QuantParamsPrep.floatBias(node, bias, units);
      float[] r = Activations.floatRange(node, node.activation());
      return m -> {
        for (int row = 0; row < rows; row++) {
          for (int u = 0; u < units; u++) {
            float total = 0f;
            for (int k = 0; k < depth; k++) {
              total += Bytes.f32(m.data[ti], m.offset[ti], row * depth + k) * wf[u * depth + k];
            }
            Bytes.f32(
                m.data[to],
                m.offset[to],
                row * units + u,
                Activations.clamp(total + b[u], r[0], r[1]));
          }
        }
      };
    }
    if (in.type == TensorType.FLOAT32 && w.type == TensorType.INT8) {
      return HybridFullyConnected.prepare(node, w, bias, rows, units, depth);
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.require(
        w.type == in.type && out.type == in.type,
        "types " + in.type + "/" + w.type + "/" + out.type + " are not supported");
    QuantRows q =
        new QuantRows(
            QuantParamsPrep.signedBytes(w.constant, w.type),
            depth,
            units,
            QuantParamsPrep.signedInputOffset(in),
            QuantParamsPrep.signedFilterOffset(node, w),
            QuantParamsPrep.intBias(node, bias, units),
            QuantParamsPrep.channelMultipliers(node, in, w, out, units),
            out.zeroPoint(),
            Activations.quantizedRange(node, node.activation(), out));
    if (in.type == TensorType.INT8) {
      return m -> {
        for (int row = 0; row < rows; row++) {
          q.run(m.data[ti], m.offset[ti] + row * depth, m.data[to], m.offset[to] + row * units);
        }
      };
    }
    byte[] flipped = new byte[depth];
    return m -> {
      for (int row = 0; row < rows; row++) {
        int src = m.offset[ti] + row * depth;
        for (int k = 0; k < depth; k++) {
          flipped[k] = (byte) (m.data[ti][src + k] ^ 0x80);
        }
        q.run(flipped, 0, m.data[to], m.offset[to] + row * units);
      }
    };
  }
}
