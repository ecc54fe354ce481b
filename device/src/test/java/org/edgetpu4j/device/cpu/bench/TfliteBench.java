package org.edgetpu4j.device.cpu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;

/**
 * Command-line benchmark of the CPU interpreter against TFLite (bytedeco) on conformance cases or
 * model files: {@code TfliteBench [runs] [case-or-model.tflite ...]}. Inputs of a case are its
 * sample 0; a model file gets zero bytes.
 */
public final class TfliteBench {
  private TfliteBench() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<String> targets = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      targets.add(args[i]);
    }
    if (targets.isEmpty()) {
      targets = List.of("mobilenetv2_035_96_int8", "mnist_cnn_int8");
    }
    for (String target : targets) {
      byte[] bytes;
      List<byte[]> inputs;
      if (target.endsWith(".tflite")) {
        bytes = Files.readAllBytes(Path.of(target));
        Model m = TfliteReader.read(bytes);
        inputs = new ArrayList<>();
        var interp = org.edgetpu4j.device.cpu.Interpreter.load(m);
        for (int i = 0; i < interp.inputCount(); i++) {
          inputs.add(new byte[interp.input(i).byteSize()]);
        }
      } else {
        ConformanceCases.Case c = ConformanceCases.load(target);
        bytes = c.model();
        inputs =
            c.samples().get(0).inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
      }
      Model model = TfliteReader.read(bytes);
      var ours = org.edgetpu4j.device.cpu.Interpreter.load(model);
      List<byte[]> in = inputs;
      try (Baseline.Runner builtin = new TfliteBaseline().open(TfliteBaseline.BUILTIN, bytes, in);
          Baseline.Runner xnnpack = new TfliteBaseline().open(TfliteBaseline.XNNPACK, bytes, in)) {
        List<Benchmark.Result> results =
            Benchmark.compare(
                List.of(
                    Contender.inProcess("edgetpu4j-cpu", () -> ours.run(in)),
                    Contender.inProcess(TfliteBaseline.BUILTIN, builtin::run),
                    Contender.inProcess(TfliteBaseline.XNNPACK, xnnpack::run)),
                new Benchmark.Plan(
                    Math.max(20, runs / 5), Benchmark.MIN_WARMUP_NANOS, runs, Benchmark.ROUNDS),
                s -> {});
        Benchmark.print(target, results, System.out);
      }
    }
  }
}
