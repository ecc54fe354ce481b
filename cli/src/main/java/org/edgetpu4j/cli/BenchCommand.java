package org.edgetpu4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.device.cpu.bench.Benchmark;
import org.edgetpu4j.device.cpu.bench.Contender;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.io.FileBytes;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetpu4j bench MODEL}: median latency (with minimum and 90th percentile) of the CPU
 * interpreter and of native TFLite ({@link NativeTflite}: XNNPACK and builtin kernels, in a Python
 * subprocess) on the same inputs, warmed up, timed in interleaved rounds; prints the ratio of ours
 * to each. Without a usable Python it times ours alone and says which baseline is missing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time the CPU interpreter against native TFLite (XNNPACK and builtin kernels without",
      "delegate) run by a Python with tensorflow or ai-edge-litert, on the same inputs, one",
      "thread each unless --threads says otherwise, in interleaved rounds after warm-up; print",
      "each runtime's median, min and p90 and the ratio ours/runtime.",
      "Exit codes: 0 timed, 1 model refused, 2 bad input, usage or baseline failure."
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(names = "--input", paramLabel = "FILE", description = "Input tensors (default zeros).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = {"--runs", "--iterations"},
      description = "Timed runs per runtime (default ${DEFAULT-VALUE}).")
  int runs = 200;

  @Option(names = "--rounds", description = "Interleaved rounds (default ${DEFAULT-VALUE}).")
  int rounds = Benchmark.ROUNDS;

  @Option(names = "--warmup", description = "Minimum warm-up runs (default ${DEFAULT-VALUE}).")
  int warmup = 100;

  @Option(
      names = "--warmup-seconds",
      description = "Minimum warm-up time per runtime in seconds (default ${DEFAULT-VALUE}).")
  double warmupSeconds = 2.0;

  @Option(
      names = "--tflite-python",
      paramLabel = "PATH",
      description = {
        "Python with tensorflow or ai-edge-litert for the native TFLite baseline",
        "(default: python3, when it has one of them)."
      })
  String tflitePython;

  @Mixin ThreadsOption threads;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || rounds < 1 || warmup < 0 || !(warmupSeconds >= 0) || warmupSeconds > 3600) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--runs and --rounds must be at least 1, --warmup at least 0, --warmup-seconds in [0,"
              + " 3600]");
    }
    int n = threads.threadsOr(1);
    byte[] bytes =
        FileBytes.read(
            model, TfliteReader.MAX_FILE_BYTES, FileBytes.Special.REFUSE, "a .tflite file");
    Model m;
    try {
      m = TfliteReader.read(bytes);
    } catch (ModelFormatException e) {
      throw new ModelFormatException(model + ": " + e.getMessage(), e);
    }
    Interpreter ours;
    try {
      ours = Interpreter.load(m, threads.options().withThreads(n));
    } catch (ModelRefusedException e) {
      throw new CliException(CliException.REFUSED, "model refused: " + e.getMessage(), e);
    }
    List<byte[]> in = new ArrayList<>();
    if (inputs.isEmpty()) {
      for (int i = 0; i < ours.inputCount(); i++) {
        in.add(new byte[ours.input(i).byteSize()]);
      }
    } else {
      for (Path p : inputs) {
        in.add(InputFiles.read(p));
      }
    }
    try {
      ours.run(in);
    } catch (org.edgetpu4j.device.cpu.InvalidInputException e) {
      throw new CliException(CliException.BAD_INPUT, "bad input: " + e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Contender> contenders = new ArrayList<>();
    contenders.add(
        Contender.inProcess(
            "edgetpu4j-cpu " + version() + " (Java " + Runtime.version().feature() + ")",
            () -> ours.run(in)));
    String missing = null;
    NativeTflite tflite = null;
    try {
      try {
        progress(err, "starting native TFLite");
        tflite = NativeTflite.start(tflitePython == null ? "python3" : tflitePython, bytes, in, n);
        contenders.addAll(tflite.contenders());
      } catch (IOException e) {
        if (tflitePython != null) {
          throw new CliException(
              CliException.BAD_INPUT, "--tflite-python " + tflitePython + ": " + e.getMessage());
        }
        missing =
            "no native TFLite baseline (python3: "
                + e.getMessage()
                + "); give --tflite-python PATH to a Python with tensorflow or ai-edge-litert";
      }
      List<Benchmark.Result> results =
          Benchmark.compare(
              contenders,
              new Benchmark.Plan(warmup, (long) (warmupSeconds * 1e9), runs, rounds),
              s -> progress(err, s));
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      PrintStream ps = new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
      Benchmark.print(
          model.getFileName()
              + "  ("
              + n
              + (n == 1 ? " thread" : " threads")
              + ", "
              + runs
              + " runs in "
              + Math.min(rounds, runs)
              + " interleaved rounds, "
              + (inputs.isEmpty() ? "zero inputs" : "given inputs")
              + ")",
          results,
          ps);
      if (missing != null) {
        ps.println("  " + missing);
      }
      var out = spec.commandLine().getOut();
      out.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return 0;
    } catch (IOException e) {
      throw new CliException(
          CliException.BAD_INPUT, "native TFLite baseline failed: " + e.getMessage());
    } finally {
      if (tflite != null) {
        tflite.close();
      }
    }
  }

  private static void progress(PrintWriter err, String what) {
    err.println("bench: " + what);
    err.flush();
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }
}
