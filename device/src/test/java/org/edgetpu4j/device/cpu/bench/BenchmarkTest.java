package org.edgetpu4j.device.cpu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;

/** The benchmark times our interpreter and both TFLite variants (found by ServiceLoader). */
class BenchmarkTest {
  @Test
  void comparesAllRuntimesOnTheSameInputs() throws Exception {
    ConformanceCases.Case c = ConformanceCases.load("mnist_cnn_int8");
    List<byte[]> in =
        c.samples().get(0).inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
    List<Benchmark.Result> r =
        Benchmark.compare(TfliteReader.read(c.model()), c.model(), in, 3, 5, 0);
    assertThat(r)
        .extracting(Benchmark.Result::runtime)
        .containsExactly("edgetpu4j-cpu", TfliteBaseline.BUILTIN, TfliteBaseline.XNNPACK);
    assertThat(r).allSatisfy(x -> assertThat(x.medianMicros()).isPositive().isFinite());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    Benchmark.print("mnist", r, new java.io.PrintStream(out, true));
    assertThat(out.toString()).contains("ours/this").contains("median");
  }
}
