package org.edgetpu4j.device.coral.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.usb.TimeSource;
import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;
import org.edgetpu4j.device.coral.usb.UsbSpeed;
import org.edgetpu4j.device.coral.usb.UsbTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Coral USB Accelerator on bus 1, port 1: DFU bootloader (1a6e:089a) until firmware is
 * downloaded and the port reset, then the application (18d1:9302) with a register file and the
 * execution model of {@link SimEngine}. Time is virtual; faults can be injected.
 */
public final class SimulatedCoral implements UsbTransport {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedCoral.class);

  /** The device's path. */
  public static final String PATH = UsbDeviceInfo.path(1, new int[] {1});

  static final byte[] DFU_DEVICE = hex("12011002000000406e1a9a08000100000001");
  static final byte[] DFU_CONFIG = hex("09021b0001010080fa0904000000fe010200092107ff0000011001");
  static final byte[] APP_DEVICE = hex("1201100300000009d1180293000100000001");
  static final byte[] APP_CONFIG =
      hex(
          "09022c0001010080fa0904000004ffffff00"
              + "07050102000400070581020004000705820200040007058303040004");

  /** Delay before a reset device re-enumerates, and the slow variant beyond any retry budget. */
  static final long REENUMERATE_MS = 200;

  static final long SLOW_REENUMERATE_MS = 120_000;

  private final VirtualClock clock = new VirtualClock();
  private final Set<SimFault> faults = EnumSet.noneOf(SimFault.class);
  private final List<String> warnings = new ArrayList<>();
  final CsrFile csr = new CsrFile();
  final SimEngine engine = new SimEngine(this::warn);
  boolean app;
  boolean gone;
  long visibleAt;
  int generation;
  boolean claimed;
  final ByteArrayOutputStream download = new ByteArrayOutputStream();
  boolean downloadComplete;
  int dfuState = 2;
  int inputDmas;

  /** A device that starts in DFU mode ({@code startInApp} false) or already running firmware. */
  public SimulatedCoral(boolean startInApp, SimFault... faults) {
    this.app = startInApp;
    this.faults.addAll(List.of(faults));
  }

  /** Tells the device which executables it may be asked to run (it identifies them by length). */
  public SimulatedCoral load(List<Executable> executables) {
    engine.load(executables);
    return this;
  }

  /** Removes every injected fault (the user fixed the problem or re-plugged the device). */
  public void clearFaults() {
    faults.clear();
    if (gone) {
      gone = false;
      generation++;
      app = false;
      resetState();
    }
    visibleAt = Math.min(visibleAt, clock.millis());
  }

  /** Things the device did not expect (DMAs not matching hints, ...); empty on a correct run. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** True while a handle holds the interface claimed. */
  public boolean interfaceClaimed() {
    return claimed;
  }

  /** The virtual clock. */
  public VirtualClock clock() {
    return clock;
  }

  boolean has(SimFault f) {
    return faults.contains(f);
  }

  void warn(String msg) {
    LOG.warn("simulated device: {}", msg);
    warnings.add(msg);
  }

  UsbSpeed speed() {
    return has(SimFault.USB2_HIGH_SPEED) ? UsbSpeed.HIGH : UsbSpeed.SUPER;
  }

  boolean visible() {
    return !gone && !has(SimFault.NO_DEVICE) && clock.millis() >= visibleAt;
  }

  UsbDeviceInfo info() {
    return app
        ? new UsbDeviceInfo(PATH, UsbDeviceInfo.APP_VID, UsbDeviceInfo.APP_PID, speed())
        : new UsbDeviceInfo(PATH, UsbDeviceInfo.DFU_VID, UsbDeviceInfo.DFU_PID, speed());
  }

  @Override
  public List<UsbDeviceInfo> enumerate() {
    return visible() ? List.of(info()) : List.of();
  }

  @Override
  public UsbHandle open(String path) throws UsbException {
    if (!PATH.equals(path) || !visible()) {
      throw new UsbException(UsbException.Kind.NOT_FOUND, "no device at " + path);
    }
    if (has(SimFault.ACCESS_DENIED)) {
      throw new UsbException(UsbException.Kind.ACCESS, "permission denied opening " + path);
    }
    return new SimHandle(this, info(), generation);
  }

  @Override
  public TimeSource time() {
    return clock;
  }

  /** A port reset: the device drops off the bus and re-enumerates at the same path. */
  void portReset() {
    generation++;
    claimed = false;
    boolean booted = !app && downloadComplete;
    if (booted && !has(SimFault.COMES_BACK_IN_DFU)) {
      app = true;
    }
    visibleAt =
        clock.millis()
            + (booted && has(SimFault.SLOW_REENUMERATION) ? SLOW_REENUMERATE_MS : REENUMERATE_MS);
    resetState();
  }

  /** The device is unplugged. */
  void unplug() {
    gone = true;
    generation++;
    claimed = false;
  }

  private void resetState() {
    download.reset();
    downloadComplete = false;
    dfuState = 2;
    csr.reset();
    engine.reset();
  }

  /** The firmware image the device holds, padded to its 32 KiB upload window. */
  byte[] uploadWindow() {
    byte[] img = download.toByteArray();
    byte[] window = new byte[Math.max(32 * 1024, img.length)];
    System.arraycopy(img, 0, window, 0, img.length);
    return window;
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
