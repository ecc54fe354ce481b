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
 * {@code edgetpu4j bench MODEL}: median latency of the CPU interpreter and of every baseline
 * runtime on the classpath (TFLite when its baseline is present), same process, same inputs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time the CPU reference interpreter (and TFLite, when its baseline is on the classpath)",
      "in one process on the same inputs; print medians and ratios. Exit code 0."
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(names = "--input", paramLabel = "FILE", description = "Input tensors (default zeros).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--runs", description = "Timed runs (default ${DEFAULT-VALUE}).")
  int runs = 200;

  @Option(names = "--warmup", description = "Warm-up runs (default ${DEFAULT-VALUE}).")
  int warmup = 100;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
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
        in.add(Files.readAllBytes(p));
      }
    }
    List<Benchmark.Result> results = Benchmark.compare(m, bytes, in, warmup, runs);
    var out = spec.commandLine().getOut();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    Benchmark.print(model.getFileName().toString(), results, new java.io.PrintStream(buf, true));
    out.print(buf);
    out.flush();
    return 0;
  }
}
