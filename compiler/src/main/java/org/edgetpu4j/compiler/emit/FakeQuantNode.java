package org.edgetpu4j.compiler.emit;

import org.edgetpu4j.compiler.CompileException;
import org.tensorflow.proto.NodeDef;

/** Reads the range and settings of a FakeQuant node of any of TensorFlow's three kinds. */
final class FakeQuantNode {
  private FakeQuantNode() {}

  static boolean is(NodeDef n) {
    return n.getOp().startsWith("FakeQuantWithMinMax");
  }

  /**
   * The quantization a FakeQuant node stands for, stored signed or unsigned; {@code dimension} is
   * the channel dimension the parameters will be stored along.
   */
  static Quant quant(GraphView g, TfRuntime rt, NodeDef n, boolean signed, int dimension)
      throws CompileException {
    int bits = (int) g.integer(n, "num_bits", 8);
    boolean narrow = g.bool(n, "narrow_range", false);
    if (bits != 8) {
      throw new CompileException(
          GraphView.describe(n)
              + " quantizes to "
              + bits
              + " bits; only 8-bit FakeQuant can be emitted");
    }
    double[] mins;
    double[] maxs;
    if (n.getOp().equals("FakeQuantWithMinMaxArgs")) {
      mins = new double[] {g.real(n, "min", -6f)};
      maxs = new double[] {g.real(n, "max", 6f)};
    } else {
      mins = doubles(rt.evaluate(g.input(n, 1)).data());
      maxs = doubles(rt.evaluate(g.input(n, 2)).data());
      if (mins.length != maxs.length || mins.length == 0) {
        throw new CompileException(
            GraphView.describe(n)
                + " has "
                + mins.length
                + " min and "
                + maxs.length
                + " max values; expected the same non-zero number");
      }
    }
    for (int c = 0; c < mins.length; c++) {
      if (!(mins[c] < maxs[c]) || !Double.isFinite(mins[c]) || !Double.isFinite(maxs[c])) {
        throw new CompileException(
            GraphView.describe(n)
                + " has range ["
                + mins[c]
                + ", "
                + maxs[c]
                + "]"
                + (mins.length > 1 ? " in channel " + c : "")
                + "; expected finite min < max (was the range trained or calibrated?)");
      }
    }
    return Quant.fromRange(mins, maxs, bits, narrow, signed, dimension);
  }

  private static double[] doubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
