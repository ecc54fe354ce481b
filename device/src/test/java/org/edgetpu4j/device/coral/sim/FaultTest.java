package org.edgetpu4j.device.coral.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.edgetpu4j.device.coral.CoralFixtures;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuException.Code;
import org.edgetpu4j.device.coral.driver.CoralSession;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault ends in its error code within a bounded virtual time, and the device is left
 * recoverable: interface released, and after the fault clears the next open and inference work.
 */
class FaultTest {
  private static final String MODEL = "dense_256_edgetpu.tflite";

  private record Outcome(EdgeTpuException error, long virtualMs) {}

  private static Outcome fail(SimulatedCoral sim, EdgeTpuPackage p) {
    long start = sim.clock().millis();
    EdgeTpuException[] err = new EdgeTpuException[1];
    assertThatThrownBy(
            () -> {
              try (CoralSession s =
                  CoralSession.open(sim, Optional.empty(), CoralFixtures::firmware)) {
                s.run(p, CoralFixtures.inputs(p));
                s.run(p, CoralFixtures.inputs(p));
              } catch (EdgeTpuException e) {
                err[0] = e;
                throw e;
              }
            })
        .isInstanceOf(EdgeTpuException.class);
    return new Outcome(err[0], sim.clock().millis() - start);
  }

  private static void check(SimFault fault, Code code, long maxVirtualMs) throws Exception {
    List<EdgeTpuPackage> pkgs = CoralFixtures.packages(MODEL);
    EdgeTpuPackage p = pkgs.get(0);
    SimulatedCoral sim = new SimulatedCoral(false, fault).load(CoralFixtures.executables(pkgs));
    Outcome o = fail(sim, p);
    assertThat(o.error().code()).as(o.error().getMessage()).isEqualTo(code);
    assertThat(o.error().getMessage()).doesNotContain("null");
    assertThat(o.virtualMs()).as("virtual time of %s", fault).isLessThanOrEqualTo(maxVirtualMs);
    assertThat(sim.interfaceClaimed()).as("interface released after %s", fault).isFalse();
    sim.clearFaults();
    try (CoralSession s = CoralSession.open(sim, Optional.empty(), CoralFixtures::firmware)) {
      assertThat(s.run(p, CoralFixtures.inputs(p)).get(0)).hasSize(256);
    }
    assertThat(sim.interfaceClaimed()).isFalse();
  }

  @Test
  void noDevice() throws Exception {
    check(SimFault.NO_DEVICE, Code.NO_DEVICE, 0);
  }

  @Test
  void accessDeniedPrintsTheUdevRule() throws Exception {
    check(SimFault.ACCESS_DENIED, Code.PERMISSION_DENIED, 2_000);
    List<EdgeTpuPackage> pkgs = CoralFixtures.packages(MODEL);
    Outcome o = fail(new SimulatedCoral(true, SimFault.ACCESS_DENIED), pkgs.get(0));
    assertThat(o.error().getMessage()).contains("ATTRS{idVendor}==\"18d1\"").contains("1a6e");
  }

  @Test
  void busy() throws Exception {
    check(SimFault.BUSY, Code.DEVICE_BUSY, 5_000);
  }

  @Test
  void stall() throws Exception {
    check(SimFault.STALL, Code.USB_STALL, 5_000);
  }

  @Test
  void timeout() throws Exception {
    check(SimFault.TIMEOUT, Code.TIMEOUT, 5_000 + 6_000);
  }

  @Test
  void shortTransfer() throws Exception {
    check(SimFault.SHORT_TRANSFER, Code.SHORT_TRANSFER, 5_000);
  }

  @Test
  void disconnectMidInference() throws Exception {
    check(SimFault.DISCONNECT_MID_INFERENCE, Code.DISCONNECTED, 5_000);
  }

  @Test
  void slowReEnumeration() throws Exception {
    check(SimFault.SLOW_REENUMERATION, Code.REENUMERATION_TIMEOUT, 2_000 + 25_000);
  }

  @Test
  void comesBackInDfuMode() throws Exception {
    check(SimFault.COMES_BACK_IN_DFU, Code.BOOT_FAILED, 5_000);
  }

  @Test
  void fatalErrorInterrupt() throws Exception {
    check(SimFault.FATAL_ERROR, Code.DEVICE_ERROR, 5_000);
  }

  @Test
  void usb2HighSpeedUses256ByteChunks() throws Exception {
    List<EdgeTpuPackage> pkgs = CoralFixtures.packages("gabor_64x64_p4_edgetpu.tflite");
    EdgeTpuPackage p = pkgs.get(0);
    byte[] fast;
    try (CoralSession s =
        CoralSession.open(
            new SimulatedCoral(true).load(CoralFixtures.executables(pkgs)),
            Optional.empty(),
            CoralFixtures::firmware)) {
      fast = s.run(p, CoralFixtures.inputs(p)).get(0);
    }
    SimulatedCoral slow =
        new SimulatedCoral(true, SimFault.USB2_HIGH_SPEED).load(CoralFixtures.executables(pkgs));
    var rec = new org.edgetpu4j.device.coral.trace.RecordingTransport(slow, java.util.Map.of());
    try (CoralSession s = CoralSession.open(rec, Optional.empty(), CoralFixtures::firmware)) {
      assertThat(s.run(p, CoralFixtures.inputs(p)).get(0)).isEqualTo(fast);
    }
    String trace = rec.text();
    assertThat(trace).contains("\"name\": \"outfeed_chunk_length\", \"value\": \"0x20\"");
    assertThat(trace).doesNotContain("\"requested\": 1024");
    assertThat(trace)
        .contains("\"endpoint\": \"0x81\", \"requested\": 256, \"status\": \"ok\", \"len\": 256");
    assertThat(slow.warnings()).isEmpty();
  }
}
