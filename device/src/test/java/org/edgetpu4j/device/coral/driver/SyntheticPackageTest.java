package org.edgetpu4j.device.coral.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.OutputLayout;
import org.edgetpu4j.device.coral.pkg.PackageBuilder;
import org.edgetpu4j.device.coral.pkg.PackageBuilder.ExeSpec;
import org.edgetpu4j.device.coral.pkg.PackageBuilder.HintSpec;
import org.edgetpu4j.device.coral.pkg.PackageBuilder.LayerSpec;
import org.edgetpu4j.device.coral.pkg.PackageReader;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.edgetpu4j.device.coral.trace.RecordingTransport;
import org.junit.jupiter.api.Test;

/**
 * Packages written in the test from the DWN1 schema, for formats the five compiled models do not
 * have: several inputs and outputs, signed and padded layers, a 3-D output over 2x2 tiles, stand-
 * alone executables, co-compiled packages sharing the parameter cache, non-deterministic hints.
 */
class SyntheticPackageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The 4x5x32 output over 2x2 tiles of the schema's OutputLayout example, z = 2 bytes here. */
  static final OutputLayout TILES =
      new OutputLayout(
          new int[] {0, 0, 2, 2},
          new int[] {0, 0, 0, 1, 1},
          new int[] {0, 12, 20, 32},
          new int[] {0, 2, 4, 0, 2},
          new int[] {0, 1, 0, 1},
          new int[] {6, 6, 6, 4, 4});

  static byte[] bits(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  static EdgeTpuPackage multiIo(int type, boolean deterministic) {
    List<LayerSpec> ins =
        List.of(
            new LayerSpec("a", 16, 1, 1, 10, 0, 0.5f, 8, null),
            new LayerSpec("b", 8, 1, 1, 8, 3, 0.25f, 0, null));
    List<LayerSpec> outs =
        List.of(
            new LayerSpec("o1", 8, 1, 1, 3, 0, 0.1f, 8, null),
            new LayerSpec("o2", 40, 4, 5, 2, 7, 0.2f, 0, TILES));
    List<HintSpec> hints =
        List.of(
            HintSpec.instruction(0),
            HintSpec.input("a", 16),
            HintSpec.parameters(64),
            HintSpec.input("b", 8),
            HintSpec.output("o1", 0, 8),
            HintSpec.output("o2", 0, 40),
            HintSpec.interrupt(0));
    return PackageReader.fromCustomOptions(
        PackageBuilder.customOptions(
            List.of(
                new ExeSpec(type, 0, bits(256, 1), bits(64, 2), hints, deterministic, ins, outs))));
  }

  static EdgeTpuPackage cached(long token, int seed) {
    List<LayerSpec> in = List.of(new LayerSpec("x", 32, 1, 1, 32, 0, 1f, 0, null));
    List<LayerSpec> out = List.of(new LayerSpec("y", 32, 1, 1, 32, 0, 1f, 0, null));
    ExeSpec caching =
        new ExeSpec(
            1,
            token,
            bits(128, seed),
            bits(96, seed + 1),
            List.of(HintSpec.instruction(0), HintSpec.parameters(96), HintSpec.interrupt(0)),
            true,
            List.of(),
            List.of());
    ExeSpec exec =
        new ExeSpec(
            2,
            token,
            bits(192, seed + 2),
            new byte[0],
            List.of(
                HintSpec.instruction(0),
                HintSpec.input("x", 32),
                HintSpec.output("y", 0, 32),
                HintSpec.interrupt(0)),
            true,
            in,
            out);
    return PackageReader.fromCustomOptions(PackageBuilder.customOptions(List.of(exec, caching)));
  }

  static List<JsonNode> records(RecordingTransport rec, String op) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : rec.text().split("\n")) {
      JsonNode r = JSON.readTree(line);
      if (r.path("op").asText().equals(op)) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void severalSignedPaddedAndTiledLayers() throws Exception {
    EdgeTpuPackage p = multiIo(0, true);
    SimulatedCoral sim = new SimulatedCoral(true).load(p.executables());
    RecordingTransport rec = new RecordingTransport(sim, Map.of());
    byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    byte[] b = {9, 8, 7, 6, 5, 4, 3, 2};
    List<byte[]> out;
    try (CoralSession s = CoralSession.open(rec, Optional.empty(), () -> new byte[0])) {
      out = s.run(p, List.of(a, b));
    }
    assertThat(sim.warnings()).isEmpty();
    List<JsonNode> dmas = records(rec, "dma");
    assertThat(dmas)
        .extracting(d -> d.get("tag").asInt() + ":" + d.get("len").asInt())
        .containsExactly("0:256", "1:16", "2:64", "1:8");
    // signed input: most significant byte flipped, then zero padding to the hint size
    assertThat(dmas.get(1).get("head").asText()).isEqualTo("8182838485868788898a000000000000");
    // output 1: first segment of run 1 is (13k + 8) mod 256; 3 of 8 bytes kept, sign flipped
    assertThat(out.get(0))
        .containsExactly((byte) (8 ^ 0x80), (byte) (21 ^ 0x80), (byte) (34 ^ 0x80));
    // output 2: element (y, x, z) read where the schema's layout tables put it
    byte[] o2 = out.get(1);
    assertThat(o2).hasSize(40);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        for (int z = 0; z < 2; z++) {
          int src =
              TILES.tileByteOffset()[TILES.yTile()[y] + TILES.xTile()[x]]
                  + TILES.yLocalOffset()[y] * TILES.xLocalRowSize()[x]
                  + TILES.xLocalByteOffset()[x]
                  + z;
          assertThat(o2[(y * 5 + x) * 2 + z])
              .as("y%d x%d z%d", y, x, z)
              .isEqualTo((byte) (13 * src + 8));
        }
      }
    }
    assertThat(records(rec, "result")).hasSize(2);
  }

  @Test
  void nonDeterministicHintsAreRefusedInOneLine() throws Exception {
    EdgeTpuPackage p = multiIo(0, false);
    SimulatedCoral sim = new SimulatedCoral(true).load(p.executables());
    try (CoralSession s = CoralSession.open(sim, Optional.empty(), () -> new byte[0])) {
      assertThatThrownBy(() -> s.run(p, List.of(new byte[10], new byte[8])))
          .isInstanceOfSatisfying(
              EdgeTpuException.class,
              e -> assertThat(e.code()).isEqualTo(EdgeTpuException.Code.UNSUPPORTED_EXECUTABLE))
          .hasMessageContaining("not fully deterministic")
          .hasMessageNotContaining("\n");
      EdgeTpuPackage ok = multiIo(0, true);
      sim.load(ok.executables());
      assertThat(s.run(ok, List.of(new byte[10], new byte[8]))).hasSize(2);
    }
  }

  @Test
  void wrongInputSizeIsInvalidInput() throws Exception {
    EdgeTpuPackage p = multiIo(0, true);
    try (CoralSession s =
        CoralSession.open(
            new SimulatedCoral(true).load(p.executables()), Optional.empty(), () -> new byte[0])) {
      assertThatThrownBy(() -> s.run(p, List.of(new byte[11], new byte[8])))
          .isInstanceOfSatisfying(
              EdgeTpuException.class,
              e -> assertThat(e.code()).isEqualTo(EdgeTpuException.Code.INVALID_INPUT))
          .hasMessageContaining("expected 10 or 16");
    }
  }

  @Test
  void coCompiledPackagesEvictEachOthersParametersOnly() throws Exception {
    EdgeTpuPackage p1 = cached(0x1111L, 3);
    EdgeTpuPackage p2 = cached(0x2222L, 50);
    SimulatedCoral sim = new SimulatedCoral(true).load(p1.executables()).load(p2.executables());
    RecordingTransport rec = new RecordingTransport(sim, Map.of());
    try (CoralSession s = CoralSession.open(rec, Optional.empty(), () -> new byte[0])) {
      for (EdgeTpuPackage p : List.of(p1, p1, p2, p1)) {
        assertThat(s.run(p, List.of(new byte[32])).get(0)).hasSize(32);
      }
    }
    assertThat(sim.warnings()).isEmpty();
    List<String> params = new ArrayList<>();
    for (JsonNode d : records(rec, "dma")) {
      if (d.get("tag").asInt() == 2) {
        params.add(d.get("phase").asText());
      }
    }
    // cached before inference 1 (p1), not before 2 (p1 again), before 3 (p2), before 4 (p1 evicted)
    assertThat(params).containsExactly("param_cache", "param_cache", "param_cache");
    List<String> phases = new ArrayList<>();
    for (String line : rec.text().split("\n")) {
      JsonNode r = JSON.readTree(line);
      if (r.path("op").asText().equals("dma") && r.get("tag").asInt() == 2) {
        phases.add("cache");
      } else if (r.path("op").asText().equals("result")) {
        phases.add(r.get("phase").asText());
      }
    }
    assertThat(phases)
        .containsExactly("cache", "infer1", "infer2", "cache", "infer3", "cache", "infer4");
  }
}
