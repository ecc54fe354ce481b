package org.edgetpu4j.device.coral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.device.coral.pkg.CompiledModel;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.edgetpu4j.device.coral.trace.RecordingTransport;
import org.edgetpu4j.device.coral.trace.TraceComparison;
import org.edgetpu4j.device.coral.trace.TraceMeta;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Compiled models run through the CPU interpreter, which hands the Edge TPU operator over. */
class EdgeTpuDelegationTest {
  static final List<String> TRACES = CoralFixtures.TRACES;

  @TempDir Path tmp;

  @ParameterizedTest
  @FieldSource("TRACES")
  void interpreterRunsTheModelWithLibedgetpuTraffic(String trace) throws Exception {
    JsonNode meta = CoralFixtures.meta(trace);
    String name = meta.get("model").asText();
    boolean app = meta.get("start_mode").asText().equals("app");
    byte[] bytes = CoralFixtures.resource("models/" + name);
    Model model = TfliteReader.read(bytes);
    List<EdgeTpuPackage> pkgs = CompiledModel.packages(model);
    Path fw = tmp.resolve("fw.bin");
    Files.write(fw, CoralFixtures.firmware());
    SimulatedCoral sim = new SimulatedCoral(app);
    RecordingTransport rec =
        new RecordingTransport(
            sim, TraceMeta.of(name, bytes, app ? "app" : "dfu", CoralFixtures.firmware(), pkgs));
    EdgeTpu.Options opts =
        EdgeTpu.Options.defaults().withSimulator(sim).withTransport(rec).withFirmware(fw);
    try (EdgeTpu tpu = EdgeTpu.open(opts)) {
      Interpreter it = tpu.interpreter(model);
      List<byte[]> in = CoralFixtures.inputs(pkgs.get(0));
      List<byte[]> first = it.run(in);
      List<byte[]> second = it.run(in);
      assertThat(first.get(0)).isNotEqualTo(second.get(0));
    }
    List<String> lines = TraceComparison.compare(CoralFixtures.trace(trace), rec.text(), true);
    assertThat(lines).as(String.join("\n", lines)).allMatch(l -> l.startsWith("same"));
    assertThat(sim.warnings()).isEmpty();
  }

  /** dense_256 with a RELU the compiler would have left on the CPU, after the Edge TPU op. */
  static Model withCpuReluAfter(Model m) {
    Subgraph g = m.mainSubgraph();
    int edgeOut = g.outputs().get(0);
    Tensor t = g.tensor(edgeOut);
    List<Buffer> buffers = new ArrayList<>(m.buffers());
    buffers.add(Buffer.EMPTY);
    Tensor relu =
        new Tensor(
            "relu_out",
            t.type(),
            t.shape(),
            t.shapeSignature(),
            buffers.size() - 1,
            t.quantization(),
            false,
            t.hasRank(),
            Optional.empty(),
            List.of());
    List<Tensor> tensors = new ArrayList<>(g.tensors());
    tensors.add(relu);
    List<OperatorCode> codes = new ArrayList<>(m.operatorCodes());
    codes.add(OperatorCode.builtin(BuiltinOp.RELU, 1));
    List<Operator> ops = new ArrayList<>(g.operators());
    ops.add(
        new Operator(
            codes.size() - 1,
            IntArray.of(edgeOut),
            IntArray.of(tensors.size() - 1),
            BuiltinOptions.NONE,
            BuiltinOptions.NONE,
            ByteArray.empty(),
            List.of(),
            IntArray.empty()));
    Subgraph g2 = new Subgraph(g.name(), tensors, g.inputs(), IntArray.of(tensors.size() - 1), ops);
    return new Model(
        m.version(),
        codes,
        List.of(g2),
        m.description(),
        buffers,
        m.metadataBuffer(),
        m.metadata(),
        List.of());
  }

  @Test
  void cpuOperatorAfterTheEdgeTpuOperatorRunsOnTheCpu() throws Exception {
    Model model = TfliteReader.read(CoralFixtures.resource("models/dense_256_edgetpu.tflite"));
    Model mixed = withCpuReluAfter(model);
    EdgeTpuPackage pkg = CompiledModel.packages(mixed).get(0);
    int zp = pkg.main().outputs().get(0).zeroPoint();
    List<byte[]> in = CoralFixtures.inputs(pkg);
    SimulatedCoral sim = new SimulatedCoral(true);
    RecordingTransport rec = new RecordingTransport(sim, java.util.Map.of());
    byte[] relu;
    try (EdgeTpu tpu =
        EdgeTpu.open(EdgeTpu.Options.defaults().withSimulator(sim).withTransport(rec))) {
      relu = tpu.interpreter(mixed).run(in).get(0);
    }
    String hex =
        rec.text().lines().filter(l -> l.contains("\"op\": \"result\"")).findFirst().orElseThrow();
    byte[] edge =
        java.util.HexFormat.of()
            .parseHex(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(hex)
                    .get("hex")
                    .asText());
    assertThat(relu).hasSize(edge.length);
    boolean clamped = false;
    for (int k = 0; k < edge.length; k++) {
      int e = edge[k] & 0xFF;
      assertThat(relu[k] & 0xFF).as("element %d", k).isEqualTo(Math.max(e, zp));
      clamped |= e < zp;
    }
    assertThat(clamped).isTrue();
  }

  /** dense_256's Edge TPU operator applied twice in a row: two packages per inference. */
  static Model twoEdgeTpuOps(Model m) {
    Subgraph g = m.mainSubgraph();
    Operator op = g.operators().get(0);
    int mid = op.outputs().get(0);
    Tensor t = g.tensor(mid);
    List<Buffer> buffers = new ArrayList<>(m.buffers());
    buffers.add(Buffer.EMPTY);
    List<Tensor> tensors = new ArrayList<>(g.tensors());
    tensors.add(
        new Tensor(
            "second_out",
            t.type(),
            t.shape(),
            t.shapeSignature(),
            buffers.size() - 1,
            t.quantization(),
            false,
            t.hasRank(),
            Optional.empty(),
            List.of()));
    List<Operator> ops = new ArrayList<>(g.operators());
    ops.add(
        new Operator(
            op.opcodeIndex(),
            IntArray.of(mid),
            IntArray.of(tensors.size() - 1),
            op.builtinOptions(),
            op.builtinOptions2(),
            op.customOptions(),
            List.of(),
            IntArray.empty()));
    Subgraph g2 = new Subgraph(g.name(), tensors, g.inputs(), IntArray.of(tensors.size() - 1), ops);
    return new Model(
        m.version(),
        m.operatorCodes(),
        List.of(g2),
        m.description(),
        buffers,
        m.metadataBuffer(),
        m.metadata(),
        List.of());
  }

  @Test
  void twoEdgeTpuOperatorsPerInferenceShareOneCachingAndOnePhase() throws Exception {
    Model model = TfliteReader.read(CoralFixtures.resource("models/dense_256_edgetpu.tflite"));
    assertThat(model.mainSubgraph().operators()).hasSize(1);
    Model two = twoEdgeTpuOps(model);
    assertThat(CompiledModel.packages(two)).hasSize(2);
    SimulatedCoral sim = new SimulatedCoral(true);
    RecordingTransport rec = new RecordingTransport(sim, java.util.Map.of());
    List<byte[]> in = CoralFixtures.inputs(CompiledModel.packages(two).get(0));
    try (EdgeTpu tpu =
        EdgeTpu.open(EdgeTpu.Options.defaults().withSimulator(sim).withTransport(rec))) {
      Interpreter it = tpu.interpreter(two);
      it.run(in);
      it.run(in);
    }
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> seen = new ArrayList<>();
    for (String line : rec.text().split("\n")) {
      JsonNode r = json.readTree(line);
      String op = r.path("op").asText();
      if (op.equals("result")) {
        seen.add(r.get("phase").asText());
      } else if (op.equals("dma") && r.get("tag").asInt() == 2) {
        seen.add("cache");
      }
    }
    assertThat(seen).containsExactly("cache", "infer1", "infer1", "infer2", "infer2");
    assertThat(sim.warnings()).isEmpty();
  }

  @Test
  void missingFirmwareIsOneClearError() {
    SimulatedCoral sim = new SimulatedCoral(false);
    EdgeTpu.Options opts =
        EdgeTpu.Options.defaults().withSimulator(sim).withFirmware(tmp.resolve("none.bin"));
    assertThatThrownBy(() -> EdgeTpu.open(opts))
        .isInstanceOfSatisfying(
            EdgeTpuException.class,
            e -> assertThat(e.code()).isEqualTo(EdgeTpuException.Code.FIRMWARE_NOT_FOUND))
        .hasMessageContaining("none.bin");
  }
}
