package org.edgetpu4j.examples.mnist;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.Model;

/** Runs the study's models over the test images and scores them. */
final class Evaluation {
  private static final int CLASSES = 10;

  private Evaluation() {}

  /**
   * Outputs of a model over all test images.
   *
   * @param logits {@code classes} scores per image
   * @param nanosPerImage mean inference time per image, or 0 when not timed
   */
  record Outputs(float[] logits, double nanosPerImage) {
    double accuracyPercent(Images data) {
      int correct = 0;
      for (int i = 0; i < data.size(); i++) {
        if (argmax(logits, i) == data.labels()[i]) {
          correct++;
        }
      }
      return 100.0 * correct / data.size();
    }

    int[][] confusion(Images data) {
      int[][] m = new int[CLASSES][CLASSES];
      for (int i = 0; i < data.size(); i++) {
        m[data.labels()[i]][argmax(logits, i)]++;
      }
      return m;
    }

    /** Softmax of each image's scores, for comparing models on probabilities. */
    float[] probabilities() {
      float[] p = new float[logits.length];
      for (int n = 0; n < logits.length / CLASSES; n++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
          max = Math.max(max, logits[n * CLASSES + k]);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
          sum += Math.exp(logits[n * CLASSES + k] - max);
        }
        for (int k = 0; k < CLASSES; k++) {
          p[n * CLASSES + k] = (float) (Math.exp(logits[n * CLASSES + k] - max) / sum);
        }
      }
      return p;
    }
  }

  /** A frozen TensorFlow graph (float or fake-quant) in TensorFlow Java, in batches of 500. */
  static Outputs graph(TfGraph frozen, Images data) {
    float[] all = new float[data.size() * CLASSES];
    for (int from = 0; from < data.size(); from += 500) {
      int n = Math.min(500, data.size() - from);
      FloatTensor out =
          GraphRunner.runOnce(
                  frozen, Map.of(LeNetModel.INPUT, data.batch(from, n)), List.of(LeNetModel.OUTPUT))
              .get(0);
      System.arraycopy(out.values(), 0, all, from * CLASSES, n * CLASSES);
    }
    return new Outputs(all, 0);
  }

  /** An integer model on the CPU reference interpreter, one image per invocation, timed. */
  static Outputs cpu(Model model, Images data) {
    Interpreter cpu = Interpreter.load(model);
    float[] all = new float[data.size() * CLASSES];
    // warm the JIT up on a few images before timing
    for (int i = 0; i < Math.min(50, data.size()); i++) {
      cpu.run(List.of(cpu.quantizeInput(0, data.image(i))));
    }
    long nanos = 0;
    for (int i = 0; i < data.size(); i++) {
      byte[] in = cpu.quantizeInput(0, data.image(i));
      long t0 = System.nanoTime();
      byte[] out = cpu.run(List.of(in)).get(0);
      nanos += System.nanoTime() - t0;
      System.arraycopy(cpu.dequantizeOutput(0, out), 0, all, i * CLASSES, CLASSES);
    }
    return new Outputs(all, (double) nanos / data.size());
  }

  static int argmax(float[] v, int row) {
    int best = 0;
    for (int k = 1; k < CLASSES; k++) {
      if (v[row * CLASSES + k] > v[row * CLASSES + best]) {
        best = k;
      }
    }
    return best;
  }
}
