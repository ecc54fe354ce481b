package org.edgetpu4j.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.examples.mnist.MnistStudy;
import org.edgetpu4j.examples.mnist.StudyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j demo mnist}: float versus quantization-aware training, end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the MNIST study: train a LeNet with batch norm in float and with quantization-aware"
            + " training, compile to a fully integer model, post-training-quantize the float"
            + " model, check both for the Edge TPU, run them on the CPU reference and compare.",
    footer = "%nExit codes: 0 done; 1 a step failed; 2 bad data or usage.")
final class DemoCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "STUDY", description = "The study to run: mnist.")
  String study;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Directory with the four MNIST IDX files, gzipped or not (default: the"
              + " embedded 10,000-digit subset).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Run directory to create (default: target/demo/mnist-<time>); an existing one is"
              + " refused, never overwritten.")
  Path out;

  @Option(names = "--epochs", defaultValue = "5", description = "Float training epochs.")
  int epochs;

  @Option(
      names = "--qat-epochs",
      defaultValue = "3",
      description = "Epochs of quantization-aware fine-tuning.")
  int qatEpochs;

  @Option(
      names = "--train-images",
      defaultValue = "2147483647",
      description = "Use at most this many training images.")
  int trainImages;

  @Option(
      names = "--test-images",
      defaultValue = "2147483647",
      description = "Evaluate at most this many test images.")
  int testImages;

  @Option(names = "--io", defaultValue = "uint8", description = "Model I/O type: uint8 or int8.")
  String io;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of weights and shuffling.")
  long seed;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!study.equals("mnist")) {
      throw new CliException(
          CliException.BAD_INPUT, "unknown study '" + study + "'; available: mnist");
    }
    EmitOptions.IoType ioType =
        switch (io.toLowerCase(Locale.ROOT)) {
          case "uint8" -> EmitOptions.IoType.UINT8;
          case "int8" -> EmitOptions.IoType.INT8;
          default ->
              throw new CliException(
                  CliException.BAD_INPUT, "--io " + io + ": expected uint8 or int8");
        };
    if (out != null && java.nio.file.Files.exists(out)) {
      throw new CliException(
          CliException.BAD_INPUT,
          "--out "
              + out
              + " already exists; the demo writes a new run directory and never overwrites"
              + " one: name one that does not exist (or leave --out out for a fresh one)");
    }
    Path dir =
        out != null
            ? out
            : Path.of(
                "target",
                "demo",
                "mnist-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    TensorFlowRuntime.require("demo");
    StudyConfig config;
    try {
      config =
          new StudyConfig(
              Optional.ofNullable(data),
              dir,
              epochs,
              qatEpochs,
              trainImages,
              testImages,
              32,
              2e-3f,
              seed,
              ioType,
              200);
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.BAD_INPUT, e.getMessage());
    }
    try {
      new MnistStudy(config, spec.commandLine().getOut()).run();
    } catch (CompileException e) {
      throw new CliException(CliException.REFUSED, "compilation failed: " + e.getMessage(), e);
    }
    return 0;
  }
}
