package org.edgetpu4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.device.io.Labels;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetpu4j run MODEL --input FILE... [--labels FILE] [--top-k K] [--output-dir DIR]}: runs
 * a model on images or raw tensors and prints the best classes and the time of each inference.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a .tflite model on the CPU reference interpreter, or a compiled model on a Coral"
            + " (--device coral) or the simulated accelerator (--device simulated): Edge TPU"
            + " operators run on the accelerator, the rest on the CPU. An input is an image (PNG,"
            + " JPEG, BMP or GIF: resized to the input's height and width, grey or RGB by its"
            + " channels, converted to its type and quantization) or a raw little-endian tensor"
            + " file in the input's own type (a dynamic batch is taken from its byte length)."
            + " Prints each output's shape, the K best classes of output 0 as 'label score' and"
            + " the time of each inference; --output-dir also writes the raw outputs as"
            + " output_0.bin, output_1.bin, ...",
    footer = "%nExit codes: 0 ran, 1 model or device refused, 2 bad input or usage.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "An image or raw tensor file, one per model input, in input order.")
  List<Path> inputs;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "Write the raw outputs to DIR/output_<i>.bin.")
  Path outputDir;

  @Option(
      names = "--top-k",
      paramLabel = "K",
      description = "Print the K best classes of output 0 (default: 5 with --labels, else 0).")
  Integer topK;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "Class labels: one per line, or 'index label' lines as pycoral reads them.")
  Path labels;

  @Option(
      names = "--mean",
      paramLabel = "M",
      description =
          "Image pixels become (pixel - M) / S before quantization (default: quantized inputs"
              + " take the pixels as they are, float inputs M = S = 127.5).")
  Float mean;

  @Option(names = "--std", paramLabel = "S", description = "See --mean.")
  Float std;

  @Mixin CommonOptions common;

  @Mixin ThreadsOption threads;

  @Mixin DeviceOptions device;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Model m = TfliteReader.read(model);
    try (DeviceOptions d = device) {
      return run(m);
    }
  }

  private int run(Model m) throws Exception {
    Interpreter interpreter = device.load(m, model, threads.options());
    if (inputs.size() != interpreter.inputCount()) {
      throw new CliException(
          CliException.BAD_INPUT,
          "bad input: the model has "
              + interpreter.inputCount()
              + " input(s), got "
              + inputs.size()
              + " --input file(s)");
    }
    if (topK != null && topK < 0) {
      throw new CliException(CliException.BAD_INPUT, "--top-k must be >= 0, got " + topK);
    }
    int repeat = device.repeat();
    Optional<Labels> names = labels == null ? Optional.empty() : Optional.of(Labels.read(labels));
    List<TensorInfo> inputInfos = new ArrayList<>();
    for (int i = 0; i < interpreter.inputCount(); i++) {
      inputInfos.add(interpreter.input(i));
    }
    List<byte[]> in =
        RunInputs.read(
            inputs,
            inputInfos,
            RunInputs.normalization(mean, std),
            i -> maxInputBytes(interpreter, i));
    List<byte[]> outs = List.of();
    long[] nanos = new long[repeat];
    for (int r = 0; r < repeat; r++) {
      long t0 = System.nanoTime();
      outs = device.runOnce(interpreter, in);
      nanos[r] = System.nanoTime() - t0;
    }
    var out = spec.commandLine().getOut();
    if (outputDir != null) {
      OutputFiles files = new OutputFiles();
      files.directory(outputDir);
      for (int i = 0; i < outs.size(); i++) {
        files.write(outputDir.resolve("output_" + i + ".bin"), outs.get(i));
      }
    }
    for (int i = 0; i < outs.size(); i++) {
      TensorInfo t = interpreter.output(i);
      out.printf(
          "%s  %s %s %d bytes%n",
          outputDir != null ? "output_" + i + ".bin" : "output " + i,
          t.type(),
          t.shape(),
          outs.get(i).length);
    }
    int k = topK != null ? topK : names.isPresent() ? 5 : 0;
    if (k > 0) {
      RunPrinter.topK(out, interpreter.output(0), outs.get(0), k, names);
    }
    RunPrinter.timings(out, nanos);
    device.finish(interpreter, outs, out);
    out.flush();
    return 0;
  }

  /**
   * The most bytes input {@code i} may have: its planned size, or the interpreter's activation
   * limit when its batch is dynamic; one byte more is enough to tell a file is too long.
   */
  static long maxInputBytes(Interpreter interpreter, int i) {
    if (i >= interpreter.inputCount()) {
      return 0;
    }
    TensorInfo t = interpreter.input(i);
    return t.hasDynamicBatch() ? interpreter.limits().maxArenaBytes() : t.byteSize();
  }
}
