package org.edgetpu4j.device.coral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgetpu4j.device.coral.pkg.CompiledModel;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.edgetpu4j.device.coral.trace.RecordingTransport;
import org.edgetpu4j.device.coral.trace.TraceComparison;
import org.edgetpu4j.device.coral.trace.TraceMeta;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.tflite.Model;
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
