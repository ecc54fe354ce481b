package org.edgetpu4j.device.coral;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.device.coral.driver.CoralSession;
import org.edgetpu4j.device.coral.driver.Firmware;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.PackageReader;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.edgetpu4j.device.coral.usb.Usb4javaTransport;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbTransport;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.InterpreterOptions;
import org.edgetpu4j.tflite.Model;

/**
 * A Coral USB Accelerator (or the simulated one), booted and initialized.
 *
 * <pre>{@code
 * try (EdgeTpu tpu = EdgeTpu.open()) {
 *   Interpreter it = tpu.interpreter(TfliteReader.read(Path.of("model_edgetpu.tflite")));
 *   List<byte[]> outputs = it.run(inputs);
 * }
 * }</pre>
 *
 * <p>Compiled models run on the CPU interpreter, which hands every {@code edgetpu-custom-op} to the
 * accelerator; operators the compiler left on the CPU run on the CPU. Failures inside {@code
 * Interpreter.run} arrive as {@link EdgeTpuUncheckedException} wrapping the {@link
 * EdgeTpuException}.
 */
public final class EdgeTpu implements AutoCloseable {

  /**
   * How to open the accelerator.
   *
   * @param transport the USB transport (usb4java when empty)
   * @param firmware the firmware file (else {@code EDGETPU4J_FIRMWARE}, else well-known places)
   * @param path the device's USB path (else the first Edge TPU)
   * @param simulator the simulated device behind {@code transport}, told which models run
   */
  public record Options(
      Optional<UsbTransport> transport,
      Optional<Path> firmware,
      Optional<String> path,
      Optional<SimulatedCoral> simulator) {

    /** Real hardware, firmware looked up, first device. */
    public static Options defaults() {
      return new Options(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These options with a firmware file. */
    public Options withFirmware(Path file) {
      return new Options(transport, Optional.of(file), path, simulator);
    }

    /** These options over another transport (a recorder, a simulator). */
    public Options withTransport(UsbTransport t) {
      return new Options(Optional.of(t), firmware, path, simulator);
    }

    /** These options with the simulated device that models are loaded onto. */
    public Options withSimulator(SimulatedCoral sim) {
      return new Options(
          transport.isPresent() ? transport : Optional.of(sim), firmware, path, Optional.of(sim));
    }
  }

  private final UsbTransport transport;
  private final boolean ownsTransport;
  private final Optional<SimulatedCoral> simulator;
  private final CoralSession session;

  private EdgeTpu(UsbTransport t, boolean owns, Optional<SimulatedCoral> sim, CoralSession s) {
    this.transport = t;
    this.ownsTransport = owns;
    this.simulator = sim;
    this.session = s;
  }

  /** Opens the first attached Coral USB Accelerator, loading its firmware when needed. */
  public static EdgeTpu open() throws EdgeTpuException {
    return open(Options.defaults());
  }

  /** Opens an accelerator as {@code options} say. */
  public static EdgeTpu open(Options options) throws EdgeTpuException {
    boolean owns = options.transport().isEmpty();
    UsbTransport t = options.transport().isPresent() ? options.transport().get() : usb();
    try {
      CoralSession s =
          CoralSession.open(t, options.path(), () -> Firmware.locate(options.firmware()).bytes());
      return new EdgeTpu(t, owns, options.simulator(), s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(t, owns);
      throw new EdgeTpuException(
          EdgeTpuException.Code.USB_ERROR, "interrupted while opening the Edge TPU", e);
    } catch (EdgeTpuException | RuntimeException e) {
      closeQuietly(t, owns);
      throw e;
    }
  }

  private static void closeQuietly(UsbTransport t, boolean owns) {
    if (owns) {
      t.close();
    }
  }

  private static UsbTransport usb() throws EdgeTpuException {
    try {
      return Usb4javaTransport.create();
    } catch (UsbException e) {
      throw new EdgeTpuException(EdgeTpuException.Code.USB_ERROR, e.getMessage(), e);
    }
  }

  /** Lists attached accelerators (DFU-mode first); empty when there is none. */
  public static List<EdgeTpuDevice> list() throws EdgeTpuException {
    UsbTransport t = usb();
    try {
      return CoralSession.list(t).stream().map(EdgeTpuDevice::of).toList();
    } finally {
      t.close();
    }
  }

  /** An interpreter for {@code model} whose Edge TPU operators run on this accelerator. */
  public Interpreter interpreter(Model model) {
    return interpreter(model, InterpreterOptions.defaults());
  }

  /**
   * An interpreter for {@code model} with {@code options} (threads, limits, other custom operators)
   * whose Edge TPU operators run on this accelerator.
   */
  public Interpreter interpreter(Model model, InterpreterOptions options) {
    return Interpreter.load(
        model, options.withCustomOp(PackageReader.CUSTOM_OP, new EdgeTpuKernel(this)));
  }

  /** Runs one package directly: inputs and outputs as the package's layers. */
  public List<byte[]> run(EdgeTpuPackage pkg, List<byte[]> inputs) throws EdgeTpuException {
    expect(pkg);
    return session.run(pkg, inputs);
  }

  /** The device in use. */
  public EdgeTpuDevice device() {
    return EdgeTpuDevice.of(session.device());
  }

  void expect(EdgeTpuPackage pkg) {
    simulator.ifPresent(s -> s.load(pkg.executables()));
  }

  CoralSession session() {
    return session;
  }

  /** Shuts the chip down and releases the device. */
  @Override
  public void close() {
    session.close();
    closeQuietly(transport, ownsTransport);
  }
}
