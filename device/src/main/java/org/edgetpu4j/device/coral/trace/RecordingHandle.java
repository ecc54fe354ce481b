package org.edgetpu4j.device.coral.trace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgetpu4j.device.coral.driver.Csr;
import org.edgetpu4j.device.coral.driver.Firmware;
import org.edgetpu4j.device.coral.usb.Ep1Stream;
import org.edgetpu4j.device.coral.usb.InTransfer;
import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;

/** Records one handle's calls; decodes register, DFU and descriptor requests. */
final class RecordingHandle implements UsbHandle {
  private static final String[] DFU = {
    "DETACH", "DNLOAD", "UPLOAD", "GETSTATUS", "CLRSTATUS", "GETSTATE", "ABORT"
  };

  private final UsbHandle inner;
  private final TraceLog log;
  private final Ep1Stream stream = new Ep1Stream();
  private int dmaIndex;

  RecordingHandle(UsbHandle inner, TraceLog log) {
    this.inner = inner;
    this.log = log;
  }

  static String status(UsbException e) {
    return e.kind().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public UsbDeviceInfo info() {
    return inner.info();
  }

  @Override
  public void claimInterface(int number) throws UsbException {
    call("claim_interface", number, () -> inner.claimInterface(number));
  }

  @Override
  public void releaseInterface(int number) throws UsbException {
    call("release_interface", number, () -> inner.releaseInterface(number));
  }

  private interface Call {
    void run() throws UsbException;
  }

  private void call(String name, int iface, Call c) throws UsbException {
    Map<String, Object> r = Json.obj("op", "usb", "call", name, "interface", iface);
    try {
      c.run();
    } catch (UsbException e) {
      r.put("status", status(e));
      throw e;
    } finally {
      log.add(r);
    }
  }

  private Map<String, Object> ctrl(int type, int req, int value, int index, int len, int timeout) {
    return Json.obj(
        "op", "ctrl",
        "bmRequestType", type,
        "bRequest", req,
        "wValue", value,
        "wIndex", index,
        "wLength", len,
        "dir", (type & 0x80) != 0 ? "in" : "out",
        "timeout_ms", timeout);
  }

  private Map<String, Object> decode(int type, int req, int value, int index, byte[] data) {
    if (type == 0x80 && req == 6) {
      return Json.obj("kind", "get_descriptor", "type", value >> 8, "index", value & 0xFF);
    }
    if (inner.info().isDfu() && (type == 0x21 || type == 0xA1) && req < DFU.length) {
      Map<String, Object> d = Json.obj("kind", "dfu", "request", DFU[req]);
      if (req == 1 || req == 2) {
        d.put("block", value);
      }
      if (req == 3 && data != null && data.length == 6) {
        d.put("bStatus", data[0] & 0xFF);
        d.put("bwPollTimeout", (data[1] & 0xFF) | (data[2] & 0xFF) << 8 | (data[3] & 0xFF) << 16);
        d.put("bState", data[4] & 0xFF);
      }
      return d;
    }
    if ((type == 0xC0 || type == 0x40) && (req == 0 || req == 1)) {
      long addr = ((long) index << 16) | value;
      Map<String, Object> d =
          Json.obj(
              "kind",
              type == 0xC0 ? "csr_read" : "csr_write",
              "width",
              req == 0 ? 64 : 32,
              "addr",
              "0x" + Long.toHexString(addr),
              "name",
              Csr.name(addr));
      if (data != null) {
        long v = 0;
        for (int i = 0; i < data.length && i < 8; i++) {
          v |= (data[i] & 0xFFL) << (8 * i);
        }
        d.put("value", "0x" + Long.toHexString(v));
      }
      return d;
    }
    return null;
  }

  @Override
  public byte[] controlIn(int type, int req, int value, int index, int length, int timeoutMs)
      throws UsbException {
    Map<String, Object> r = ctrl(type, req, value, index, length, timeoutMs);
    try {
      byte[] d = inner.controlIn(type, req, value, index, length, timeoutMs);
      r.put("status", "ok");
      r.put("actual", d.length);
      TraceLog.data(r, d);
      Map<String, Object> dec = decode(type, req, value, index, d);
      if (dec != null) {
        r.put("decoded", dec);
      }
      return d;
    } catch (UsbException e) {
      r.put("status", status(e));
      throw e;
    } finally {
      log.add(r);
    }
  }

  @Override
  public void controlOut(int type, int req, int value, int index, byte[] data, int timeoutMs)
      throws UsbException {
    Map<String, Object> r = ctrl(type, req, value, index, data.length, timeoutMs);
    TraceLog.data(r, data);
    Map<String, Object> dec = decode(type, req, value, index, data);
    if (dec != null) {
      r.put("decoded", dec);
    }
    try {
      inner.controlOut(type, req, value, index, data, timeoutMs);
      r.put("status", "ok");
      r.put("actual", data.length);
    } catch (UsbException e) {
      r.put("status", status(e));
      throw e;
    } finally {
      log.add(r);
    }
  }

  @Override
  public void bulkOut(int endpoint, byte[] data, int offset, int length, int timeoutMs)
      throws UsbException {
    byte[] piece = java.util.Arrays.copyOfRange(data, offset, offset + length);
    Map<String, Object> r =
        Json.obj(
            "op",
            "bulk_out",
            "endpoint",
            TraceLog.ep(endpoint),
            "len",
            length,
            "sha256",
            Firmware.sha256(piece),
            "head",
            TraceLog.head(piece, 0, length),
            "timeout_ms",
            timeoutMs);
    try {
      inner.bulkOut(endpoint, data, offset, length, timeoutMs);
      r.put("status", "ok");
    } catch (UsbException e) {
      r.put("status", status(e));
      throw e;
    } finally {
      log.add(r);
      if (endpoint == 0x01) {
        for (Ep1Stream.Dma d : stream.feed(piece, 0, piece.length)) {
          log.add(
              Json.obj(
                  "op", "dma",
                  "index", dmaIndex++,
                  "tag", d.tag(),
                  "header", TraceLog.head(d.header(), 0, 8),
                  "len", d.payload().length,
                  "sha256", Firmware.sha256(d.payload()),
                  "head", TraceLog.head(d.payload(), 0, d.payload().length)));
        }
      }
    }
  }

  @Override
  public void submitIn(int endpoint, int length, int timeoutMs) throws UsbException {
    inner.submitIn(endpoint, length, timeoutMs);
    log.add(
        Json.obj(
            "op",
            "submit_in",
            "endpoint",
            TraceLog.ep(endpoint),
            "requested",
            length,
            "pending",
            inner.pendingIn(),
            "timeout_ms",
            timeoutMs));
  }

  @Override
  public InTransfer awaitIn(int timeoutMs) throws UsbException {
    try {
      InTransfer t = inner.awaitIn(timeoutMs);
      record(t);
      return t;
    } catch (UsbException e) {
      log.add(Json.obj("op", "wait_in", "timeout_ms", timeoutMs, "status", status(e)));
      throw e;
    }
  }

  private void record(InTransfer t) {
    Map<String, Object> r =
        Json.obj(
            "op", t.endpoint() == 0x83 ? "intr_in" : "bulk_in",
            "async", true,
            "endpoint", TraceLog.ep(t.endpoint()),
            "requested", t.requested(),
            "status", t.status().name().toLowerCase(Locale.ROOT));
    if (t.status() == InTransfer.Status.OK) {
      r.put("len", t.data().length);
      r.put("sha256", Firmware.sha256(t.data()));
      r.put("head", TraceLog.head(t.data(), 0, t.data().length));
      if (t.endpoint() == 0x82 && t.data().length == 16) {
        byte[] d = t.data();
        long off = 0;
        for (int i = 0; i < 8; i++) {
          off |= (d[i] & 0xFFL) << (8 * i);
        }
        long len =
            (d[8] & 0xFFL) | (d[9] & 0xFFL) << 8 | (d[10] & 0xFFL) << 16 | (d[11] & 0xFFL) << 24;
        r.put("decoded", Json.obj("offset", off, "length", len, "tag", d[12] & 0x0F));
      }
    }
    log.add(r);
  }

  @Override
  public int pendingIn() {
    return inner.pendingIn();
  }

  @Override
  public List<InTransfer> cancelIn() {
    List<InTransfer> out = inner.cancelIn();
    out.forEach(this::record);
    return out;
  }

  @Override
  public void resetDevice() throws UsbException {
    Map<String, Object> r =
        Json.obj(
            "op",
            "usb",
            "call",
            "reset_device",
            "mode_before",
            inner.info().isDfu() ? "dfu" : "app");
    try {
      inner.resetDevice();
    } catch (UsbException e) {
      r.put("status", status(e));
      throw e;
    } finally {
      log.add(r);
    }
  }

  @Override
  public void close() {
    log.add(Json.obj("op", "usb", "call", "close"));
    inner.close();
  }
}
