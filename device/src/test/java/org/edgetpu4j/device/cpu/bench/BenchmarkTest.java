package org.edgetpu4j.device.cpu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

/** The benchmark times every contender, interleaved, and reports median, min and p90. */
class BenchmarkTest {
  @Test
  void timesEveryContenderInRoundsAndReportsSpread() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("mnist_cnn_int8");
    List<byte[]> in =
        c.samples().get(0).inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
    Interpreter ours = Interpreter.load(TfliteReader.read(c.model()));
    List<String> progress = new ArrayList<>();
    try (Baseline.Runner tflite =
        new TfliteBaseline().open(TfliteBaseline.XNNPACK, c.model(), in)) {
      List<Benchmark.Result> r =
          Benchmark.compare(
              List.of(
                  Contender.inProcess("edgetpu4j-cpu", () -> ours.run(in)),
                  Contender.inProcess("tflite", tflite::run)),
              new Benchmark.Plan(3, 0, 7, 3),
              progress::add);
      assertThat(r)
          .extracting(Benchmark.Result::runtime)
          .containsExactly("edgetpu4j-cpu", "tflite");
      assertThat(r)
          .allSatisfy(
              x -> {
                assertThat(x.runs()).isEqualTo(7);
                assertThat(x.minMicros()).isPositive().isLessThanOrEqualTo(x.medianMicros());
                assertThat(x.medianMicros()).isLessThanOrEqualTo(x.p90Micros());
              });
      assertThat(progress).contains("warming up tflite", "round 3/3");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Benchmark.print("mnist", r, new PrintStream(out, true));
      assertThat(out.toString())
          .containsPattern("(?m)^  edgetpu4j-cpu\\s+median\\s+[0-9.]+ us\\s+ours/this\\s+1\\.00")
          .contains("p90");
    }
  }
}
