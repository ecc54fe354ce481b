package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToLongFunction;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.device.io.ImageInput;
import org.edgetpu4j.device.io.Normalization;

/**
 * The input tensors of {@code run}: image files (PNG, JPEG, BMP, GIF, recognised by their
 * signature) are decoded and converted for their input; other files are raw tensor bytes.
 */
final class RunInputs {
  private RunInputs() {}

  /** The largest image file decoded. */
  static final long MAX_IMAGE_BYTES = 64L << 20;

  /** One raw input per file, file {@code i} for model input {@code i}. */
  static List<byte[]> read(
      List<Path> files, List<TensorInfo> inputs, Optional<Normalization> normalization)
      throws IOException {
    return read(files, inputs, normalization, i -> InputFiles.MAX_BYTES);
  }

  /**
   * As above; input {@code i} is read up to {@code maxTensorBytes.applyAsLong(i)} bytes, or up to
   * {@link #MAX_IMAGE_BYTES} when it is a regular file (it may be an image larger than its tensor).
   */
  static List<byte[]> read(
      List<Path> files,
      List<TensorInfo> inputs,
      Optional<Normalization> normalization,
      IntToLongFunction maxTensorBytes)
      throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = files.get(i);
      long max = maxTensorBytes.applyAsLong(i);
      if (Files.isRegularFile(p)) {
        max = Math.max(max, MAX_IMAGE_BYTES);
      }
      byte[] bytes = InputFiles.read(p, max, "input " + i);
      if (i < inputs.size() && ImageInput.isImage(bytes)) {
        try {
          out.add(
              ImageInput.toTensor(
                  ImageInput.decode(bytes, p.toString()), inputs.get(i), normalization));
        } catch (InvalidInputException e) {
          throw new CliException(CliException.BAD_INPUT, p + ": " + e.getMessage(), e);
        }
      } else {
        out.add(bytes);
      }
    }
    return out;
  }

  /** The normalization given by {@code --mean} and {@code --std}, both or neither. */
  static Optional<Normalization> normalization(Float mean, Float std) {
    if (mean == null && std == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Normalization(mean == null ? 0f : mean, std == null ? 1f : std));
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
    }
  }
}
