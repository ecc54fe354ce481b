package org.edgetpu4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgetpu4j.device.coral.EdgeTpu;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuUncheckedException;
import org.edgetpu4j.device.coral.pkg.CompiledModel;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.PackageFormatException;
import org.edgetpu4j.device.coral.sim.SimulatedCoral;
import org.edgetpu4j.device.coral.trace.RecordingTransport;
import org.edgetpu4j.device.coral.trace.TraceMeta;
import org.edgetpu4j.device.coral.usb.Usb4javaTransport;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbTransport;
import org.edgetpu4j.device.cpu.Interpreter;
import org.edgetpu4j.device.cpu.InterpreterOptions;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Option;

/**
 * Where {@code run} executes: the CPU interpreter, a Coral USB Accelerator, or the built-in
 * simulated accelerator; with repeats, a USB trace and a comparison against a CPU model.
 */
final class DeviceOptions implements AutoCloseable {
  enum Device {
    cpu,
    coral,
    simulated
  }

  enum Start {
    dfu,
    app
  }

  @Option(
      names = "--device",
      paramLabel = "cpu|coral|simulated",
      description =
          "Where to run: cpu (default), coral (attached accelerator) or simulated (the built-in"
              + " simulated accelerator: same USB traffic, synthetic output bytes).")
  Device device = Device.cpu;

  @Option(
      names = "--sim-start",
      paramLabel = "dfu|app",
      description = "Mode the simulated accelerator starts in (default dfu: firmware is loaded).")
  Start simStart = Start.dfu;

  @Option(
      names = "--firmware",
      paramLabel = "FILE",
      description = "Edge TPU firmware (else $EDGETPU4J_FIRMWARE, else ~/.edgetpu4j/).")
  Path firmware;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "1",
      description = "Run the inference N times on the same inputs and print each time.")
  int repeat;

  @Option(
      names = "--usb-trace",
      paramLabel = "FILE",
      description = "Record USB traffic (JSON lines).")
  Path usbTrace;

  @Option(
      names = "--reference",
      paramLabel = "CPU_MODEL",
      description = "Also run this model on the CPU and compare outputs.")
  Path reference;

  private EdgeTpu tpu;
  private UsbTransport usb;
  private RecordingTransport recorder;
  private List<byte[]> lastInputs;

  /** Loads {@code m} for the chosen device. */
  Interpreter load(Model m, Path modelPath, InterpreterOptions options) throws IOException {
    if (repeat < 1) {
      throw new CliException(CliException.BAD_INPUT, "--repeat must be at least 1, got " + repeat);
    }
    if (device == Device.cpu) {
      if (usbTrace != null) {
        throw new CliException(
            CliException.BAD_INPUT, "--usb-trace needs --device coral or simulated");
      }
      return cpu(m, options);
    }
    List<EdgeTpuPackage> pkgs;
    try {
      pkgs = CompiledModel.packages(m);
    } catch (PackageFormatException e) {
      throw new CliException(CliException.REFUSED, "model refused: " + e.getMessage(), e);
    }
    EdgeTpu.Options opts = EdgeTpu.Options.defaults();
    if (firmware != null) {
      opts = opts.withFirmware(firmware);
    }
    UsbTransport t;
    if (device == Device.simulated) {
      SimulatedCoral sim = new SimulatedCoral(simStart == Start.app);
      opts = opts.withSimulator(sim);
      t = sim;
    } else {
      try {
        usb = Usb4javaTransport.create();
      } catch (UsbException e) {
        throw new CliException(CliException.REFUSED, "USB unavailable: " + e.getMessage(), e);
      }
      t = usb;
    }
    if (usbTrace != null) {
      byte[] fw =
          firmware != null && Files.isRegularFile(firmware) ? Files.readAllBytes(firmware) : null;
      String start = device == Device.simulated ? simStart.name() : "hardware";
      recorder =
          new RecordingTransport(
              t,
              TraceMeta.of(
                  modelPath.getFileName().toString(),
                  Files.readAllBytes(modelPath),
                  start,
                  fw,
                  pkgs));
      t = recorder;
    }
    try {
      tpu = EdgeTpu.open(opts.withTransport(t));
      return tpu.interpreter(m, options);
    } catch (EdgeTpuException e) {
      throw refused(e);
    } catch (ModelRefusedException e) {
      throw new CliException(CliException.REFUSED, "model refused: " + e.getMessage(), e);
    }
  }

  private static Interpreter cpu(Model m, InterpreterOptions options) {
    try {
      return Interpreter.load(m, options);
    } catch (ModelRefusedException e) {
      throw new CliException(CliException.REFUSED, "model refused: " + e.getMessage(), e);
    }
  }

  private static CliException refused(EdgeTpuException e) {
    return new CliException(CliException.REFUSED, "Edge TPU: " + e.getMessage(), e);
  }

  /** Inferences asked for with {@code --repeat}; refuses counts below 1. */
  int repeat() {
    if (repeat < 1) {
      throw new CliException(CliException.BAD_INPUT, "--repeat must be at least 1, got " + repeat);
    }
    return repeat;
  }

  /** Runs one inference on the chosen device. */
  List<byte[]> runOnce(Interpreter it, List<byte[]> inputs) {
    lastInputs = inputs;
    try {
      return it.run(inputs);
    } catch (InvalidInputException e) {
      throw new CliException(CliException.BAD_INPUT, "bad input: " + e.getMessage(), e);
    } catch (EdgeTpuUncheckedException e) {
      throw refused(e.getCause());
    }
  }

  /** Closes the device, saves the trace, and compares with the reference model if asked. */
  void finish(Interpreter it, List<byte[]> outs, PrintWriter out) throws IOException {
    close();
    if (recorder != null) {
      recorder.save(usbTrace);
      out.printf("usb trace: %s%n", usbTrace);
    }
    if (reference != null) {
      Interpreter ref = cpu(TfliteReader.read(reference), InterpreterOptions.defaults());
      List<byte[]> refOuts;
      try {
        refOuts = ref.run(lastInputs);
      } catch (InvalidInputException e) {
        throw new CliException(
            CliException.BAD_INPUT, "reference model: bad input: " + e.getMessage(), e);
      }
      ReferenceComparison.print(it, outs, ref, refOuts, out);
    }
  }

  @Override
  public void close() {
    if (tpu != null) {
      tpu.close();
      tpu = null;
    }
    if (usb != null) {
      usb.close();
      usb = null;
    }
  }
}
