package org.edgetpu4j.device.cpu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-check against the real TFLite interpreter (bytedeco 2.15, default resolver, one thread) on
 * every conformance model we run: wherever the 2.21 reference and optimized goldens agree on an
 * element and TFLite 2.15 gives that same value, our output must give it too; everywhere else our
 * distance to TFLite 2.15 is recorded and bounded by the case's known reference/optimized spread.
 */
class TfliteCrossCheckTest {
  private static final List<String> REPORT = new ArrayList<>();

  static Stream<String> cases() {
    return ConformanceCases.names().stream()
        .filter(
            n -> {
              ConformanceCases.Case c = ConformanceCases.load(n);
              String kind = c.json().path("quantization").path("kind").asText();
              // TFLite 2.15 cannot build these two: int8 SQRT (v2) and FULLY_CONNECTED v12
              // are newer than its kernels
              return c.hasGoldens()
                  && !n.startsWith("custom_op")
                  && !kind.contains("16x8")
                  && !n.equals("unsupported_sqrt_midgraph_int8")
                  && !n.equals("mnist_cnn_dynamic_range");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithTfliteWhereItsKernelsAgree(String name) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    Interpreter ours = Interpreter.load(TfliteReader.read(c.model()));
    double bound = Math.max(2, c.json().path("golden").path("optimized_max_abs_diff").asDouble(0));
    long agreeing = 0;
    long checked = 0;
    double maxDiff = 0;
    for (ConformanceCases.Sample s : c.samples()) {
      List<byte[]> in = s.inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
      List<byte[]> mine = ours.run(in);
      List<byte[]> theirs;
      try (Baseline.Runner r = new TfliteBaseline().open(TfliteBaseline.XNNPACK, c.model(), in)) {
        theirs = r.run();
      }
      for (int j = 0; j < mine.size(); j++) {
        ConformanceCases.TensorFile ref = s.outputs().get(j);
        byte[] opt =
            s.optimized().get(j).map(ConformanceCases.TensorFile::bytes).orElse(ref.bytes());
        Values a = new Values(mine.get(j), ref.dtype());
        Values t = new Values(theirs.get(j), ref.dtype());
        Values g = new Values(ref.bytes(), ref.dtype());
        Values o = new Values(opt, ref.dtype());
        assertThat(a.size()).isEqualTo(t.size());
        for (int k = 0; k < a.size(); k++) {
          double d = Math.abs(a.get(k) - t.get(k));
          maxDiff = Math.max(maxDiff, d);
          if (g.get(k) == o.get(k) && t.get(k) == g.get(k)) {
            checked++;
            assertThat(a.get(k))
                .as("%s sample %d output %d [%d]", name, s.index(), j, k)
                .isEqualTo(t.get(k));
            agreeing++;
          }
          assertThat(d)
              .as("%s sample %d output %d [%d]", name, s.index(), j, k)
              .isLessThanOrEqualTo(ref.dtype().equals("float32") ? 1e-4 + bound : bound);
        }
      }
    }
    synchronized (REPORT) {
      REPORT.add(
          String.format(
              "%-40s equal where kernels agree %d/%d, max |ours - tflite2.15| %s",
              name, agreeing, checked, maxDiff));
    }
    assertThat(checked).isPositive();
  }

  @AfterAll
  static void print() {
    REPORT.sort(String::compareTo);
    REPORT.forEach(System.out::println);
  }

  /** Element values of raw output bytes. */
  private record Values(java.nio.ByteBuffer b, String dtype) {
    Values(byte[] raw, String dtype) {
      this(java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN), dtype);
    }

    int size() {
      return dtype.equals("float32") ? b.capacity() / 4 : b.capacity();
    }

    double get(int i) {
      return switch (dtype) {
        case "float32" -> b.getFloat(4 * i);
        case "uint8" -> b.get(i) & 0xFF;
        default -> b.get(i);
      };
    }
  }
}
