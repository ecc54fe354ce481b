package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each CPU model beside the same model compiled by Google's real {@code edgetpu_compiler}: the ops
 * predicted on the CPU are exactly the ops the compiled twin keeps outside {@code
 * edgetpu-custom-op} (by type, before or after it), and the predicted parameter bytes are close to
 * the the parameter bytes in the twin's package (all executables; see {@code ParameterMemory}).
 * Prints the agreement table.
 */
class RealCompilerAgreementTest {
  private static final Map<String, String> TABLE = new TreeMap<>();

  /** A CPU model and its compiled twin on the test classpath. */
  record Pair(String name, String cpu, String twin) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Pair> pairs() {
    List<Pair> out = new ArrayList<>();
    for (String n :
        List.of(
            "deeplabv3_mnv2_dm05_pascal_quant",
            "keras_lstm_mnist_ptq",
            "mobilenet_v1_0.25_128_quant",
            "mobilenet_v1_1.0_224_quant_embedding_extractor",
            "movenet_single_pose_lightning_ptq",
            "split_concat")) {
      out.add(
          new Pair(
              n,
              "/real-models/" + n + "/model.tflite",
              "/real-models/" + n + "/model_edgetpu.tflite"));
    }
    for (String n :
        List.of("bright_16x16", "dense_256", "dense_512", "gabor_64x64_p4", "looming_64x64_3x3")) {
      out.add(
          new Pair(
              n,
              "/edgetpu-compiled/" + n + ".tflite",
              "/edgetpu-compiled/" + n + "_edgetpu.tflite"));
    }
    return out;
  }

  static Model read(String resource) {
    try (InputStream in = RealCompilerAgreementTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return TfliteReader.read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The twin's CPU ops as "TYPE@before" / "TYPE@after" relative to the custom op, sorted. */
  static List<String> twinCpuOps(Model twin) {
    List<String> out = new ArrayList<>();
    boolean seen = false;
    for (Operator op : twin.mainSubgraph().operators()) {
      var code = twin.opcode(op);
      if (EdgeTpuPackage.CUSTOM_OP.equals(code.customCode().orElse(""))) {
        seen = true;
        continue;
      }
      out.add(code.displayName() + (seen ? "@after" : "@before"));
    }
    out.sort(null);
    return out;
  }

  static List<String> predictedCpuOps(Report r) {
    int first = -1;
    for (OpReport op : r.ops()) {
      if (op.edgetpuStatus().isMapped()) {
        first = first < 0 ? op.index() : first;
      }
    }
    List<String> out = new ArrayList<>();
    for (OpReport op : r.ops()) {
      if (!op.edgetpuStatus().isMapped()) {
        out.add(op.opcode() + (first >= 0 && op.index() < first ? "@before" : "@after"));
      }
    }
    out.sort(null);
    return out;
  }

  static long twinParameterBytes(Model twin) {
    long total = 0;
    for (Operator op : twin.mainSubgraph().operators()) {
      if (EdgeTpuPackage.CUSTOM_OP.equals(twin.opcode(op).customCode().orElse(""))) {
        EdgeTpuPackage p = EdgeTpuPackage.decode(op.customOptions());
        total += p.cachedParameterBytes() + p.streamedParameterBytes();
      }
    }
    return total;
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void cpuOpsAndParameterBytesAgreeWithTheRealCompiler(Pair pair) {
    Model cpu = read(pair.cpu());
    Model twin = read(pair.twin());
    Report r = Validator.check(cpu, Target.DEFAULT, pair.name());
    List<String> expected = twinCpuOps(twin);
    List<String> predicted = predictedCpuOps(r);
    long real = twinParameterBytes(twin);
    long mine = r.edgetpu().parameterBytes();
    double err = real == 0 ? 0 : 100.0 * (mine - real) / real;
    TABLE.put(
        pair.name(),
        String.format(
            "%-48s ops %s (%d cpu vs %d)  params %,d vs %,d (%+.2f%%)",
            pair.name(),
            expected.equals(predicted) ? "equal" : "DIFFER",
            predicted.size(),
            expected.size(),
            mine,
            real,
            err));
    assertThat(predicted).as(pair.name() + " CPU ops").isEqualTo(expected);
    // The layout model must stay within 5% of the compiler's own figure on every pair.
    assertThat(Math.abs(err)).as(pair.name() + " parameter bytes error %").isLessThanOrEqualTo(5.0);
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void compiledTwinPassesAndItsPackageIsSummarised(Pair pair) throws Exception {
    Model twin = read(pair.twin());
    Report r = Validator.check(twin, Target.DEFAULT, pair.name() + "_edgetpu");
    assertThat(r.errors()).as(pair.name()).isEmpty();
    assertThat(r.passes()).as(pair.name()).isTrue();
    assertThat(r.compiled()).isTrue();
    long bytes = twinParameterBytes(twin);
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(org.edgetpu4j.validator.report.JsonReport.render(r));
    assertThat(json.path("edgetpu").path("parameterBytes").asLong()).isEqualTo(bytes);
    assertThat(json.path("edgetpu").path("packages").get(0).path("executables").size())
        .isEqualTo(2);
    assertThat(org.edgetpu4j.validator.report.TextReport.render(r))
        .contains("Edge TPU package DWN1: minimum Edge TPU runtime")
        .contains("On-chip memory used for caching model parameters");
    assertThat(org.edgetpu4j.validator.report.HtmlReport.render(r))
        .contains("Edge TPU parameters and package");
    // CPU operators outside the custom op are the model's design: information only.
    for (OpReport op : r.ops()) {
      if (!op.opcode().endsWith(EdgeTpuPackage.CUSTOM_OP) && !op.edgetpuStatus().isMapped()) {
        assertThat(r.findings().stream().filter(f -> f.opIndex() == op.index()))
            .allMatch(f -> f.severity() == Severity.INFO);
      }
    }
  }

  @AfterAll
  static void printTable() {
    TABLE.values().forEach(System.out::println);
  }
}
