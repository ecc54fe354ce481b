package org.edgetpu4j.compiler.calibrate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.GraphRunner;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.InsertCalibratedFakeQuant.Range;

/**
 * Measures the value range of chosen tensors by running a float graph in TensorFlow Java over
 * representative inputs: the minimum and maximum over all samples (as TFLite's calibrator does).
 */
public final class RangeCalibrator {
  private RangeCalibrator() {}

  /**
   * Runs {@code graph} once per sample and returns the min/max of each tensor in {@code tensors}.
   *
   * @param samples feeds by tensor name, one map per sample
   */
  public static Map<String, Range> measure(
      TfGraph graph,
      List<String> tensors,
      List<Map<String, FloatTensor>> samples,
      ProgressListener progress) {
    if (samples.isEmpty()) {
      throw new GraphException("the representative dataset is empty");
    }
    float[] lo = new float[tensors.size()];
    float[] hi = new float[tensors.size()];
    java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    try (GraphRunner r = new GraphRunner(graph)) {
      for (int s = 0; s < samples.size(); s++) {
        Map<String, FloatTensor> feeds = samples.get(s);
        List<String> fetched = tensors.stream().filter(t -> !feeds.containsKey(t)).toList();
        List<FloatTensor> out = r.run(feeds, fetched);
        for (int i = 0; i < tensors.size(); i++) {
          FloatTensor t =
              feeds.containsKey(tensors.get(i))
                  ? feeds.get(tensors.get(i))
                  : out.get(fetched.indexOf(tensors.get(i)));
          for (int k = 0; k < t.size(); k++) {
            float v = t.get(k);
            if (!Float.isFinite(v)) {
              throw new GraphException(
                  "tensor '" + tensors.get(i) + "' is " + v + " on representative sample " + s);
            }
            lo[i] = Math.min(lo[i], v);
            hi[i] = Math.max(hi[i], v);
          }
        }
        progress.progress(s + 1, samples.size());
      }
    }
    Map<String, Range> ranges = new HashMap<>();
    for (int i = 0; i < tensors.size(); i++) {
      ranges.put(tensors.get(i), new Range(lo[i], hi[i]));
    }
    return ranges;
  }
}
