package org.edgetpu4j.examples.mnist;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.edgetpu4j.compiler.emit.EmitOptions;

/**
 * Settings of the MNIST study.
 *
 * @param data directory of IDX files, or empty for the embedded subset
 * @param out the run directory to create (a fresh sibling is chosen if it exists)
 * @param floatEpochs epochs of float training
 * @param qatEpochs epochs of quantization-aware fine-tuning of the float weights
 * @param trainImages training images to use (at most what the data has)
 * @param testImages test images to evaluate (at most what the data has)
 * @param batch mini-batch size
 * @param learningRate Adam learning rate of float training (fine-tuning uses a quarter of it)
 * @param seed seed of weights and shuffling
 * @param io element type of the compiled models' inputs and outputs
 * @param representativeImages images used to calibrate post-training quantization
 */
public record StudyConfig(
    Optional<Path> data,
    Path out,
    int floatEpochs,
    int qatEpochs,
    int trainImages,
    int testImages,
    int batch,
    float learningRate,
    long seed,
    EmitOptions.IoType io,
    int representativeImages) {

  /** Checks the numbers. */
  public StudyConfig {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(io, "io");
    if (floatEpochs < 1
        || qatEpochs < 1
        || trainImages < batch
        || testImages < 1
        || batch < 1
        || representativeImages < 1
        || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "epochs, image counts, batch and learning rate must be"
              + " positive, with at least one batch of training images");
    }
    if (io == EmitOptions.IoType.FLOAT32) {
      throw new IllegalArgumentException("the study deploys integer models: --io uint8 or int8");
    }
  }

  /** The full study on the embedded subset, written under {@code out}. */
  public static StudyConfig defaults(Path out) {
    return new StudyConfig(
        Optional.empty(),
        out,
        5,
        5,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE,
        32,
        2e-3f,
        42,
        EmitOptions.IoType.UINT8,
        200);
  }
}
