package org.edgetpu4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.TensorInfo;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j run MODEL --input FILE... --output-dir DIR [--top-k K]}: one CPU invocation. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a .tflite model on the CPU reference interpreter, or a compiled model on a Coral",
      "(--device coral) or the simulated accelerator (--device simulated); Edge TPU operators",
      "run on the accelerator, the rest on the CPU. Inputs and outputs are raw",
      "little-endian tensor files in each tensor's own type; outputs are written as",
      "output_0.bin, output_1.bin, ... A dynamic batch is taken from the input's byte length.",
      "Exit codes: 0 ran, 1 model refused, 2 bad input or usage."
    })
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input tensor.")
  List<Path> inputs;

  @Option(names = "--output-dir", required = true, paramLabel = "DIR")
  Path outputDir;

  @Option(names = "--top-k", paramLabel = "K", description = "Print the K top classes of output 0.")
  int topK;

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
    List<byte[]> in = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      in.add(InputFiles.read(inputs.get(i), maxInputBytes(interpreter, i), "input " + i));
    }
    List<byte[]> outs = device.run(interpreter, in);
    OutputFiles files = new OutputFiles();
    files.directory(outputDir);
    for (int i = 0; i < outs.size(); i++) {
      files.write(outputDir.resolve("output_" + i + ".bin"), outs.get(i));
    }
    var out = spec.commandLine().getOut();
    for (int i = 0; i < outs.size(); i++) {
      TensorInfo t = interpreter.output(i);
      out.printf("output_%d.bin  %s %s %d bytes%n", i, t.type(), t.shape(), outs.get(i).length);
    }
    if (topK > 0) {
      float[] scores = interpreter.dequantizeOutput(0, outs.get(0));
      IntStream.range(0, scores.length)
          .boxed()
          .sorted(Comparator.comparingDouble((Integer k) -> -scores[k]))
          .limit(topK)
          .forEach(k -> out.printf("class %d  %.6f%n", k, scores[k]));
    }
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
