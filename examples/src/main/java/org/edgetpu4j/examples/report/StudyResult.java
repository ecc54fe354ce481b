package org.edgetpu4j.examples.report;

import java.util.List;

/**
 * Everything the MNIST study measured, as plain values: rendered as a console table, JSON and an
 * HTML page by {@link StudyReport}.
 *
 * @param dataSource where the digits came from
 * @param trainImages training images used
 * @param testImages test images evaluated
 * @param seed random seed of the run
 * @param rows one row per model variant
 * @param curves training curves, one per trained variant
 * @param agreements output agreement between variants
 * @param confusion confusion matrix of the deployed int8 model (rows true, columns predicted)
 * @param confusionOf which model the confusion matrix is of
 * @param notes one-line remarks (devices skipped, files written, ...)
 * @param seconds wall time of the whole run
 */
public record StudyResult(
    String dataSource,
    int trainImages,
    int testImages,
    long seed,
    List<Row> rows,
    List<Curve> curves,
    List<Agreement> agreements,
    int[][] confusion,
    String confusionOf,
    List<String> notes,
    double seconds) {

  /**
   * One model variant.
   *
   * @param model name (float, QAT fake-quant graph, QAT int8, PTQ int8)
   * @param accuracyPercent test accuracy in %
   * @param modelBytes size of the .tflite file, or null when there is none
   * @param msPerImage CPU reference latency per image, or null
   * @param edgetpuCompatible the validator's verdict, or null when not checked
   * @param file the model file, or null
   */
  public record Row(
      String model,
      double accuracyPercent,
      Long modelBytes,
      Double msPerImage,
      Boolean edgetpuCompatible,
      String file) {}

  /**
   * Per-epoch training figures.
   *
   * @param model which variant
   * @param firstEpoch number of its first epoch (fine-tuning continues after float training)
   * @param loss mean training loss per epoch
   * @param trainAccuracyPercent training accuracy per epoch
   * @param testAccuracyPercent test accuracy per epoch
   */
  public record Curve(
      String model,
      int firstEpoch,
      List<Double> loss,
      List<Double> trainAccuracyPercent,
      List<Double> testAccuracyPercent) {}
}
