package org.edgetpu4j.device.coral.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.device.coral.usb.TimeSource;
import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;
import org.edgetpu4j.device.coral.usb.UsbTransport;

/**
 * Records everything a driver does through a transport as {@code coral-usb-trace/1} JSON lines,
 * with the driver's phases, DMAs reassembled from the EP 0x01 stream and the returned outputs.
 */
public final class RecordingTransport implements UsbTransport {
  private final UsbTransport inner;
  final TraceLog log;

  /** Records {@code inner}; {@code meta} goes into the first line. */
  public RecordingTransport(UsbTransport inner, Map<String, Object> meta) {
    this.inner = inner;
    this.log = new TraceLog(meta);
  }

  /** The recording so far. */
  public String text() {
    return log.text();
  }

  /** Writes the recording atomically. */
  public void save(Path path) throws IOException {
    log.save(path);
  }

  @Override
  public List<UsbDeviceInfo> enumerate() throws UsbException {
    List<UsbDeviceInfo> list = inner.enumerate();
    for (UsbDeviceInfo d : list) {
      if (d.isDfu() || d.isApp()) {
        log.add(Json.obj("op", "usb", "call", "enumerated", "path", d.path(), "device", d.ids()));
      }
    }
    return list;
  }

  @Override
  public UsbHandle open(String path) throws UsbException {
    try {
      UsbHandle h = inner.open(path);
      log.add(Json.obj("op", "usb", "call", "open", "device", h.info().ids()));
      return new RecordingHandle(h, log);
    } catch (UsbException e) {
      log.add(
          Json.obj("op", "usb", "call", "open", "path", path, "status", RecordingHandle.status(e)));
      throw e;
    }
  }

  @Override
  public TimeSource time() {
    return inner.time();
  }

  @Override
  public void phase(String name) {
    log.phase = name;
    inner.phase(name);
  }

  @Override
  public void result(int index, String name, byte[] bytes) {
    log.add(
        Json.obj(
            "op",
            "result",
            "output",
            index,
            "name",
            name,
            "len",
            bytes.length,
            "hex",
            HexFormat.of().formatHex(bytes)));
    inner.result(index, name, bytes);
  }

  @Override
  public void sleep(long ms) throws InterruptedException {
    log.add(Json.obj("op", "sleep", "seconds", ms / 1000.0));
    inner.sleep(ms);
  }

  @Override
  public void close() {
    inner.close();
  }
}
