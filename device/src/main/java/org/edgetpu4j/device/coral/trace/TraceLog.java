package org.edgetpu4j.device.coral.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.edgetpu4j.device.coral.driver.Firmware;
import org.edgetpu4j.tflite.io.TfliteWriter;

/** The lines of one {@code coral-usb-trace/1} recording, with the current phase and sequence. */
final class TraceLog {
  private final StringBuilder out = new StringBuilder();
  private int seq;
  String phase = "enumerate";

  TraceLog(Map<String, Object> meta) {
    Map<String, Object> m = Json.obj("op", "meta", "format", "coral-usb-trace/1");
    m.putAll(meta);
    out.append(Json.write(m)).append('\n');
  }

  synchronized void add(Map<String, Object> record) {
    Map<String, Object> r = Json.obj("seq", seq++, "phase", phase);
    r.putAll(record);
    out.append(Json.write(r)).append('\n');
  }

  synchronized String text() {
    return out.toString();
  }

  void save(Path path) throws IOException {
    TfliteWriter.writeAtomically(path, text().getBytes(StandardCharsets.UTF_8));
  }

  /** Adds {@code data} as hex when at most 64 bytes, else as SHA-256 and head. */
  static void data(Map<String, Object> r, byte[] d) {
    if (d.length <= 64) {
      r.put("data", HexFormat.of().formatHex(d));
    } else {
      r.put("data_sha256", Firmware.sha256(d));
      r.put("data_head", HexFormat.of().formatHex(Arrays.copyOf(d, 64)));
    }
  }

  static String head(byte[] d, int off, int len) {
    return HexFormat.of().formatHex(d, off, off + Math.min(len, 64));
  }

  static String ep(int e) {
    return String.format("0x%02x", e);
  }
}
