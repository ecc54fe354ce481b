package org.edgetpu4j.cli;

import java.io.PrintWriter;
import java.util.List;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.TensorInfo;

/** Compares outputs of a compiled model with its CPU reference: max difference, top-1 agreement. */
final class ReferenceComparison {
  private ReferenceComparison() {}

  static void print(
      Interpreter it, List<byte[]> outs, Interpreter ref, List<byte[]> refOuts, PrintWriter out) {
    if (outs.size() != refOuts.size()) {
      throw new CliException(
          CliException.BAD_INPUT,
          "reference model has " + refOuts.size() + " outputs, the model " + outs.size());
    }
    for (int i = 0; i < outs.size(); i++) {
      float[] a = it.dequantizeOutput(i, outs.get(i));
      float[] b = ref.dequantizeOutput(i, refOuts.get(i));
      if (a.length != b.length) {
        throw new CliException(
            CliException.BAD_INPUT,
            "reference output " + i + " has " + b.length + " elements, the model's " + a.length);
      }
      TensorInfo t = it.output(i);
      float step = t.scales().length() == 1 && t.scales().get(0) > 0 ? t.scales().get(0) : 1f;
      double max = 0;
      for (int k = 0; k < a.length; k++) {
        max = Math.max(max, Math.abs(a[k] - b[k]) / step);
      }
      out.printf(
          "reference output_%d: max difference %.0f step(s) of %s, top-1 %s (%d vs %d)%n",
          i, max, step, argmax(a) == argmax(b) ? "agrees" : "differs", argmax(a), argmax(b));
    }
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > v[best]) {
        best = k;
      }
    }
    return best;
  }
}
