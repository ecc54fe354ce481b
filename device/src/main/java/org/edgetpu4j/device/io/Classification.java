package org.edgetpu4j.device.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One class of a classifier's output.
 *
 * @param index the output element
 * @param label its label, or {@code #index} without labels
 * @param score the output's real value there
 */
public record Classification(int index, String label, float score) {
  /**
   * The {@code k} highest scores, best first; equal scores in index order.
   *
   * @param scores real output values (see {@code TensorInfo.dequantize})
   * @param labels names for the indices, if any
   */
  public static List<Classification> top(float[] scores, int k, Optional<Labels> labels) {
    if (k < 0) {
      throw new IllegalArgumentException("k must not be negative, got " + k);
    }
    List<Classification> out = new ArrayList<>();
    IntStream.range(0, scores.length)
        .boxed()
        .sorted(
            Comparator.comparingDouble((Integer i) -> -scores[i])
                .thenComparing(Comparator.naturalOrder()))
        .limit(k)
        .forEach(
            i ->
                out.add(
                    new Classification(i, labels.map(l -> l.label(i)).orElse("#" + i), scores[i])));
    return out;
  }
}
