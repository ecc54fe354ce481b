package org.edgetpu4j.device.coral.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.device.coral.CoralFixtures;
import org.edgetpu4j.device.coral.driver.CoralSession;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Acceptance: running each model of the libedgetpu recordings on the simulated device, started as
 * recorded, with two inferences on the traces' inputs, produces traffic equal to libedgetpu's under
 * the comparison rules of {@code compare_traces.py --mask-links}.
 */
class LibedgetpuTraceTest {
  static final List<String> TRACES = CoralFixtures.TRACES;

  /** Runs a model on the simulator as the traces do and returns the recording. */
  static String record(String model, boolean app, int repeat) throws Exception {
    List<EdgeTpuPackage> pkgs = CoralFixtures.packages(model);
    byte[] fw = CoralFixtures.firmware();
    SimulatedCoral sim = new SimulatedCoral(app).load(CoralFixtures.executables(pkgs));
    RecordingTransport rec =
        new RecordingTransport(
            sim,
            TraceMeta.of(
                model, CoralFixtures.resource("models/" + model), app ? "app" : "dfu", fw, pkgs));
    try (CoralSession s = CoralSession.open(rec, Optional.empty(), () -> fw)) {
      for (int i = 0; i < repeat; i++) {
        for (EdgeTpuPackage p : pkgs) {
          s.run(p, CoralFixtures.inputs(p));
        }
      }
    }
    assertThat(sim.warnings()).isEmpty();
    assertThat(sim.interfaceClaimed()).isFalse();
    return rec.text();
  }

  @ParameterizedTest
  @FieldSource("TRACES")
  void sameTrafficAsLibedgetpu(String trace) throws Exception {
    JsonNode meta = CoralFixtures.meta(trace);
    String model = meta.get("model").asText();
    boolean app = meta.get("start_mode").asText().equals("app");
    String ours = record(model, app, 2);
    String dir = System.getProperty("coral.traceDir");
    if (dir != null) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(dir, trace), ours);
    }
    List<String> lines = TraceComparison.compare(CoralFixtures.trace(trace), ours, true);
    assertThat(lines).as(String.join("\n", lines)).allMatch(l -> l.startsWith("same"));
    assertThat(lines).hasSize(7);
  }

  @ParameterizedTest
  @FieldSource("TRACES")
  void comparisonSeesADifferentModel(String trace) throws Exception {
    String other =
        trace.startsWith("dense_512") ? "dense_256_edgetpu.tflite" : "dense_512_edgetpu.tflite";
    List<String> lines =
        TraceComparison.compare(CoralFixtures.trace(trace), record(other, false, 2), true);
    assertThat(lines).anyMatch(l -> l.startsWith("DIFFERENT dma"));
  }
}
