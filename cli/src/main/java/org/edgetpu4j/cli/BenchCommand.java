package org.edgetpu4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.bench.Benchmark;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetpu4j bench MODEL}: median latency of the CPU interpreter and of the real TFLite
 * interpreter ({@link TfliteBaseline}: builtin kernels without XNNPACK, and the default resolver
 * with XNNPACK), one thread each, same process, same inputs, after warm-up; prints the medians and
 * the ratio of ours to each.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Time the CPU reference interpreter and the real TFLite interpreter (builtin"
            + " kernels without XNNPACK, and the default XNNPACK path), one thread each, in one"
            + " process on the same inputs, after warm-up; print medians and the ratios"
            + " ours/TFLite. Exit code 0.")
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(names = "--input", paramLabel = "FILE", description = "Input tensors (default zeros).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = {"--runs", "--iterations"},
      description = "Timed runs per runtime (default ${DEFAULT-VALUE}).")
  int runs = 200;

  @Option(names = "--warmup", description = "Minimum warm-up runs (default ${DEFAULT-VALUE}).")
  int warmup = 100;

  @Option(
      names = "--warmup-seconds",
      description = "Minimum warm-up time per runtime in seconds (default ${DEFAULT-VALUE}).")
  double warmupSeconds = 2.0;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || warmup < 0 || !(warmupSeconds >= 0) || warmupSeconds > 3600) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--runs must be at least 1, --warmup at least 0, --warmup-seconds in [0, 3600]");
    }
    byte[] bytes = Files.readAllBytes(model);
    Model m = TfliteReader.read(bytes);
    List<byte[]> in = new ArrayList<>();
    if (inputs.isEmpty()) {
      Interpreter probe = Interpreter.load(m);
      for (int i = 0; i < probe.inputCount(); i++) {
        in.add(new byte[probe.input(i).byteSize()]);
      }
    } else {
      for (Path p : inputs) {
        in.add(InputFiles.read(p));
      }
    }
    List<Benchmark.Result> results =
        Benchmark.compare(m, bytes, in, warmup, runs, (long) (warmupSeconds * 1e9));
    var out = spec.commandLine().getOut();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    Benchmark.print(model.getFileName().toString(), results, new java.io.PrintStream(buf, true));
    out.print(buf);
    out.flush();
    return 0;
  }
}
