package org.edgetpu4j.device.coral.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.edgetpu4j.device.coral.driver.Firmware;

/**
 * Java port of {@code compare_traces.py}: projects a {@code coral-usb-trace/1} recording onto what
 * a device can observe (CSR writes in order, the set of CSR addresses read, DFU requests, DMAs by
 * phase/tag/length/hash, bytes on 0x81 and events on 0x82 per phase, returned outputs) and compares
 * two projections key by key.
 */
public final class TraceComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceComparison() {}

  /** The projection of one trace. */
  public static Map<String, Object> project(String text, Set<String> phases, boolean maskLinks)
      throws IOException {
    List<Object> csrWrites = new ArrayList<>();
    Set<String> csrReads = new TreeSet<>();
    List<Object> dfu = new ArrayList<>();
    List<Object> dma = new ArrayList<>();
    Map<String, Long> inBytes = new TreeMap<>();
    Map<String, Long> events = new TreeMap<>();
    List<Object> results = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = JSON.readTree(line);
      String op = r.path("op").asText();
      String phase = r.path("phase").asText(null);
      if (op.equals("meta") || (!phases.isEmpty() && !phases.contains(phase))) {
        continue;
      }
      switch (op) {
        case "ctrl" -> {
          JsonNode d = r.path("decoded");
          String kind = d.path("kind").asText();
          if (kind.equals("csr_write")) {
            csrWrites.add(
                List.of(d.path("width").asInt(), d.path("addr").asText(), text(d.get("value"))));
          } else if (kind.equals("csr_read")) {
            csrReads.add(d.path("width").asInt() + " " + d.path("addr").asText());
          } else if (kind.equals("dfu")) {
            String data = text(r.get("data_sha256"));
            if (data == null || data.isEmpty()) {
              data = text(r.get("data"));
            }
            dfu.add(
                list(
                    d.path("request").asText(),
                    d.has("block") ? d.get("block").asInt() : null,
                    data));
          }
        }
        case "dma" -> {
          if (maskLinks && r.path("tag").asInt() == 0) {
            dma.add(List.of(phase, 0, r.path("len").asLong(), "instructions"));
          } else {
            dma.add(
                List.of(
                    phase,
                    r.path("tag").asInt(),
                    r.path("len").asLong(),
                    r.path("sha256").asText()));
          }
        }
        case "result" -> {
          if (r.has("output")) {
            String digest =
                r.has("hex")
                    ? Firmware.sha256(HexFormat.of().parseHex(r.get("hex").asText()))
                    : text(r.get("sha256"));
            results.add(List.of(phase, r.get("output").asInt(), r.path("len").asLong(), digest));
          }
        }
        case "bulk_in" -> {
          if (r.path("status").asText().equals("ok")) {
            String ep = r.path("endpoint").asText();
            if (ep.equals("0x81")) {
              inBytes.merge(phase, r.path("len").asLong(), Long::sum);
            } else if (ep.equals("0x82")) {
              events.merge(phase, 1L, Long::sum);
            }
          }
        }
        default -> {}
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("csr_writes", csrWrites);
    p.put("csr_reads", new ArrayList<>(csrReads));
    p.put("dfu", dfu);
    p.put("dma", dma);
    p.put("in_bytes", inBytes);
    p.put("events", events);
    p.put("results", results);
    return p;
  }

  /**
   * Compares like {@code compare_traces.py}: one line per key, {@code same} or {@code DIFFERENT}
   * with the first difference. Results are compared only when the oracle has any.
   */
  public static List<String> compare(String oracle, String candidate, boolean maskLinks)
      throws IOException {
    Map<String, Object> a = project(oracle, Set.of(), maskLinks);
    Map<String, Object> b = project(candidate, Set.of(), maskLinks);
    if (((List<?>) a.get("results")).isEmpty()) {
      a.remove("results");
      b.remove("results");
    }
    List<String> lines = new ArrayList<>();
    for (String k : a.keySet()) {
      Object x = a.get(k);
      Object y = b.get(k);
      if (Objects.equals(x, y)) {
        lines.add("same      " + k);
        continue;
      }
      StringBuilder sb = new StringBuilder("DIFFERENT " + k);
      if (x instanceof List<?> lx && y instanceof List<?> ly) {
        for (int i = 0; i < Math.max(lx.size(), ly.size()); i++) {
          Object ox = i < lx.size() ? lx.get(i) : null;
          Object oy = i < ly.size() ? ly.get(i) : null;
          if (!Objects.equals(ox, oy)) {
            sb.append("\n   first difference at #")
                .append(i)
                .append(":\n     oracle    ")
                .append(ox)
                .append("\n     candidate ")
                .append(oy);
            break;
          }
        }
      } else {
        sb.append("\n     oracle    ").append(x).append("\n     candidate ").append(y);
      }
      lines.add(sb.toString());
    }
    return lines;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<Object> list(Object... v) {
    return new ArrayList<>(java.util.Arrays.asList(v));
  }
}
