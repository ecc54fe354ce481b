package org.edgetpu4j.device.coral.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuException.Code;
import org.edgetpu4j.device.coral.pkg.EdgeTpuPackage;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.Layer;
import org.edgetpu4j.device.coral.pkg.Meta;
import org.edgetpu4j.device.coral.pkg.PackageFormatException;
import org.edgetpu4j.device.coral.usb.InTransfer;
import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;
import org.edgetpu4j.device.coral.usb.UsbSpeed;
import org.edgetpu4j.device.coral.usb.UsbTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One booted and initialized Edge TPU: runs packages with parameter caching once per token, and
 * shuts the chip down on close.
 */
public final class CoralSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CoralSession.class);
  private static final long ADDRESS_BASE = 0x7f3a_0000_0000L;

  /** Supplies the firmware only when a DFU-mode device needs it. */
  @FunctionalInterface
  public interface FirmwareSource {
    /** The firmware image. */
    byte[] get() throws EdgeTpuException;
  }

  private final UsbTransport transport;
  private final UsbHandle handle;
  private final UsbIo io;
  private final Executor executor;
  private final UsbDeviceInfo device;
  private long cachedToken;
  private int inferences;
  private boolean externalInferences;
  private boolean closed;
  private final Map<String, Long> addresses = new HashMap<>();
  private long nextAddress = ADDRESS_BASE;

  private CoralSession(UsbTransport transport, UsbHandle handle, UsbDeviceInfo device) {
    this.transport = transport;
    this.handle = handle;
    this.io = new UsbIo(handle);
    this.device = device;
    this.executor = new Executor(io, usb2(device.speed()) ? 256 : 1024);
  }

  private static boolean usb2(UsbSpeed s) {
    return s == UsbSpeed.HIGH || s == UsbSpeed.FULL;
  }

  /** Lists attached Edge TPUs: DFU-mode devices first, then application-mode ones. */
  public static List<UsbDeviceInfo> list(UsbTransport t) throws EdgeTpuException {
    try {
      List<UsbDeviceInfo> out = new ArrayList<>();
      for (UsbDeviceInfo d : t.enumerate()) {
        if (d.isDfu() || d.isApp()) {
          out.add(d);
        }
      }
      out.sort(Comparator.comparing((UsbDeviceInfo d) -> !d.isDfu()));
      return out;
    } catch (UsbException e) {
      throw UsbIo.map(e, "listing USB devices");
    }
  }

  /**
   * Finds the first Edge TPU (or the one at {@code path}), boots it if needed and initializes it.
   */
  public static CoralSession open(UsbTransport t, Optional<String> path, FirmwareSource firmware)
      throws EdgeTpuException, InterruptedException {
    t.phase("enumerate");
    List<UsbDeviceInfo> found = list(t);
    UsbDeviceInfo dev =
        found.stream()
            .filter(d -> path.isEmpty() || d.path().equals(path.get()))
            .findFirst()
            .orElseThrow(
                () ->
                    new EdgeTpuException(
                        Code.NO_DEVICE,
                        path.map(p -> "no Edge TPU at " + p).orElse("no Edge TPU found")));
    if (dev.speed() == UsbSpeed.LOW) {
      throw new EdgeTpuException(
          Code.UNSUPPORTED_SPEED, "the Edge TPU at " + dev.path() + " is on a low-speed link");
    }
    byte[] fw = dev.isDfu() ? firmware.get() : null;
    UsbHandle h = DfuBoot.boot(t, dev.path(), dev.isDfu(), fw);
    CoralSession s = new CoralSession(t, h, h.info());
    try {
      t.phase("init");
      ChipControl.init(s.io, usb2(h.info().speed()));
      s.executor.postReads();
    } catch (EdgeTpuException e) {
      s.release();
      throw e;
    }
    LOG.debug("Edge TPU at {} ready ({})", dev.path(), h.info().speed());
    return s;
  }

  /**
   * Starts the next inference (phase {@code inferN}) for callers that run several packages per
   * inference; without it each {@link #run} counts as one inference.
   */
  public void beginInference() {
    externalInferences = true;
    transport.phase("infer" + (++inferences));
  }

  /** The device in use. */
  public UsbDeviceInfo device() {
    return device;
  }

  /**
   * Runs one inference of {@code pkg} on {@code inputs} (one buffer per input layer, actual or
   * padded size) and returns one buffer per output layer (relayouted, unpadded).
   */
  public List<byte[]> run(EdgeTpuPackage pkg, List<byte[]> inputs) throws EdgeTpuException {
    if (closed) {
      throw new EdgeTpuException(Code.CLOSED, "the Edge TPU was closed");
    }
    Executable main;
    Optional<Executable> caching;
    try {
      main = pkg.main();
      caching = pkg.parameterCaching();
    } catch (PackageFormatException e) {
      throw new EdgeTpuException(Code.INVALID_PACKAGE, e.getMessage(), e);
    }
    checkRunnable(main);
    if (main.type() == Executable.Type.EXECUTION_ONLY && caching.isEmpty()) {
      throw new EdgeTpuException(
          Code.INVALID_PACKAGE,
          "execution-only executable without a parameter-caching executable of token "
              + main.tokenHex());
    }
    if (caching.isPresent()) {
      checkRunnable(caching.get());
    }
    if (inputs.size() != main.inputs().size()) {
      throw new EdgeTpuException(
          Code.INVALID_INPUT,
          "the Edge TPU operator takes " + main.inputs().size() + " inputs, got " + inputs.size());
    }
    Map<String, byte[]> inBuffers = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Layer l = main.inputs().get(i);
      inBuffers.put("INPUT:" + l.name() + ":0", inputBuffer(l, inputs.get(i)));
    }
    try {
      if (caching.isPresent() && cachedToken != main.token()) {
        transport.phase("param_cache");
        runExecutable(caching.get(), new HashMap<>());
        cachedToken = main.token();
      } else if (main.type() == Executable.Type.STAND_ALONE) {
        cachedToken = 0;
      }
      transport.phase("infer" + (externalInferences ? inferences : ++inferences));
      Map<String, byte[]> buffers = new HashMap<>(inBuffers);
      for (Layer l : main.outputs()) {
        buffers.put("OUTPUT:" + l.name() + ":0", new byte[Math.max(l.paddedBytes(), 1)]);
      }
      runExecutable(main, buffers);
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < main.outputs().size(); i++) {
        Layer l = main.outputs().get(i);
        byte[] r = OutputRelayout.apply(l, buffers.get("OUTPUT:" + l.name() + ":0"));
        transport.result(i, l.name(), r);
        out.add(r);
      }
      return out;
    } catch (PackageFormatException e) {
      throw new EdgeTpuException(Code.INVALID_PACKAGE, e.getMessage(), e);
    } catch (EdgeTpuException e) {
      cachedToken = 0;
      throw e;
    }
  }

  private static void checkRunnable(Executable e) throws EdgeTpuException {
    if (e.batchSize() != 1) {
      throw new EdgeTpuException(
          Code.UNSUPPORTED_EXECUTABLE,
          e.type()
              + " executable has batch size "
              + e.batchSize()
              + "; this driver runs batch size 1 only");
    }
    if (!e.fullyDeterministic()) {
      throw new EdgeTpuException(
          Code.UNSUPPORTED_EXECUTABLE,
          e.type()
              + " executable's DMA hints are not fully deterministic; like libedgetpu over USB, this driver cannot run it");
    }
  }

  private void runExecutable(Executable exe, Map<String, byte[]> buffers) throws EdgeTpuException {
    buffers.put("PARAMETER::0", exe.parameters());
    if (exe.scratchBytes() > 0) {
      buffers.put("SCRATCH::0", new byte[exe.scratchBytes()]);
    }
    List<byte[]> linked =
        Linker.link(
            exe.bitstreams(),
            m -> {
              String k = Executor.key(m);
              byte[] b = buffers.get(k);
              if (b == null || (m.desc() == Meta.Desc.PARAMETER && b.length == 0)) {
                return -1;
              }
              return address(k, b.length);
            });
    executor.run(exe, linked, buffers);
  }

  private long address(String key, int size) {
    return addresses.computeIfAbsent(
        key,
        k -> {
          long a = nextAddress;
          nextAddress += ((long) size + 0xFFF) & ~0xFFFL;
          return a;
        });
  }

  private static byte[] inputBuffer(Layer l, byte[] in) throws EdgeTpuException {
    int actual = l.actualBytes();
    int padded = l.paddedBytes();
    if (in.length != actual && in.length != padded) {
      throw new EdgeTpuException(
          Code.INVALID_INPUT,
          "input "
              + l.name()
              + " has "
              + in.length
              + " bytes, expected "
              + actual
              + (padded != actual ? " or " + padded : ""));
    }
    byte[] buf = new byte[padded];
    int exec = l.executionCount();
    if (in.length == padded || exec == 1) {
      System.arraycopy(in, 0, buf, 0, in.length);
    } else {
      int per = actual / exec;
      int perPadded = padded / exec;
      for (int i = 0; i < exec; i++) {
        System.arraycopy(in, i * per, buf, i * perPadded, per);
      }
    }
    if (l.signed()) {
      int dts = l.elementBytes();
      int elements = l.y() * l.x() * l.z() * exec;
      for (int e = 0; e < elements; e++) {
        int msb = e * dts + dts - 1;
        if (msb < buf.length) {
          buf[msb] ^= (byte) 0x80;
        }
      }
    }
    return buf;
  }

  /** Halts and resets the chip and releases the device; the next open works. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    transport.phase("close");
    for (InTransfer t : handle.cancelIn()) {
      LOG.trace("cancelled read on 0x{}", Integer.toHexString(t.endpoint()));
    }
    try {
      ChipControl.close(io);
    } catch (EdgeTpuException e) {
      LOG.warn("shutting the Edge TPU down: {}", e.getMessage());
    }
    release();
  }

  private void release() {
    closed = true;
    handle.cancelIn();
    try {
      handle.releaseInterface(0);
    } catch (UsbException e) {
      LOG.debug("releasing interface 0: {}", e.getMessage());
    }
    handle.close();
  }
}
