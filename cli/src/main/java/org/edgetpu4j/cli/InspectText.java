package org.edgetpu4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link ModelSummary} as text in the TFLite analyzer's vocabulary (Op#, T#). */
final class InspectText {
  private InspectText() {}

  static String render(ModelSummary s) {
    StringBuilder b = new StringBuilder();
    line(b, "%s: %,d bytes, schema version %d", s.file(), s.fileBytes(), s.schemaVersion());
    if (!s.description().isEmpty()) {
      line(b, "description: %s", s.description());
    }
    line(
        b,
        "min_runtime_version: %s",
        s.minRuntimeVersion() == null ? "(not recorded)" : s.minRuntimeVersion());
    for (ModelSummary.EdgeTpuOp op : s.edgetpuCustomOps()) {
      line(
          b,
          "Edge TPU compiled: Subgraph#%d Op#%d runs %s with a %,d-byte package",
          op.subgraph(),
          op.operator(),
          ModelSummary.EDGETPU_CUSTOM_OP,
          op.packageBytes());
      if (op.pkg() == null) {
        line(b, "  package unreadable: %s", op.problem());
      }
      java.util.Optional.ofNullable(op.pkg())
          .ifPresent(
              p -> {
                line(
                    b,
                    "  package %s: minimum Edge TPU runtime %d, %d executable(s), parameter cache"
                        + " %,d bytes, streamed %,d bytes",
                    p.identifier(),
                    p.minRuntimeVersion(),
                    p.executables().size(),
                    p.cachedParameterBytes(),
                    p.streamedParameterBytes());
                for (var e : p.executables()) {
                  line(
                      b,
                      "    executable %s for %s: %,d parameter bytes",
                      e.type(),
                      e.chip().isEmpty() ? "?" : e.chip(),
                      e.parameterBytes());
                }
              });
    }
    b.append('\n');
    line(b, "Operator codes:");
    for (ModelSummary.OpCode c : s.operatorCodes()) {
      line(b, "  [%d] %s v%d", c.index(), c.opcode(), c.version());
    }
    for (ModelSummary.Graph g : s.subgraphs()) {
      b.append('\n');
      line(
          b,
          "Subgraph#%d %s(%s) -> [%s]: %d operators, %d tensors",
          g.index(),
          g.name().isEmpty() ? "" : g.name(),
          tensors(g.inputs()),
          tensors(g.outputs()),
          g.operators().size(),
          g.tensors().size());
      for (ModelSummary.Op op : g.operators()) {
        String options = op.options().isEmpty() ? "" : "  " + options(op.options());
        String custom =
            op.customOptionsBytes() > 0
                ? String.format(Locale.ROOT, "  custom options %,d bytes", op.customOptionsBytes())
                : "";
        line(
            b,
            "  Op#%d %s v%d(%s) -> [%s]%s%s",
            op.index(),
            op.opcode(),
            op.version(),
            tensors(op.inputs()),
            tensors(op.outputs()),
            options,
            custom);
      }
      line(b, "  Tensors:");
      for (ModelSummary.TensorInfo t : g.tensors()) {
        StringBuilder l = new StringBuilder();
        l.append(
            String.format(
                Locale.ROOT,
                "    T#%d %s %s %s",
                t.index(),
                t.name().isEmpty() ? "(unnamed)" : t.name(),
                t.type(),
                Arrays.toString(t.shape())));
        if (t.shapeSignature().length > 0 && !Arrays.equals(t.shapeSignature(), t.shape())) {
          l.append(" signature ").append(Arrays.toString(t.shapeSignature()));
        }
        if (t.constantBytes() > 0) {
          l.append(
              String.format(
                  Locale.ROOT, " constant(buffer %d, %,d bytes)", t.buffer(), t.constantBytes()));
        }
        if (t.quantization() != null) {
          l.append(' ').append(quantization(t.quantization()));
        }
        line(b, "%s", l);
      }
    }
    if (!s.metadata().isEmpty()) {
      b.append('\n');
      line(b, "Metadata:");
      for (ModelSummary.MetadataEntry m : s.metadata()) {
        line(b, "  %s (buffer %d, %,d bytes)", m.name(), m.buffer(), m.bytes());
      }
    }
    if (!s.signatures().isEmpty()) {
      b.append('\n');
      line(b, "Signatures:");
      for (ModelSummary.Signature sig : s.signatures()) {
        line(
            b,
            "  %s (subgraph %d): inputs %s outputs %s",
            sig.key(),
            sig.subgraph(),
            named(sig.inputs()),
            named(sig.outputs()));
      }
    }
    b.append('\n');
    ModelSummary.Size z = s.size();
    line(b, "Size (%,d buffers):", z.buffers());
    share(b, "constant tensor data", z.constantTensorBytes(), s.fileBytes());
    share(b, "metadata", z.metadataBytes(), s.fileBytes());
    share(b, "custom operator options", z.customOptionsBytes(), s.fileBytes());
    share(b, "structure (tables, names, padding)", z.structureBytes(), s.fileBytes());
    return b.toString();
  }

  private static String quantization(ModelSummary.Quantization q) {
    if (q.scale().length == 1) {
      return String.format(
          Locale.ROOT, "q: real = %s * (q - %d)", num(q.scale()[0]), q.zeroPoint()[0]);
    }
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float f : q.scale()) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    boolean zeroZp = Arrays.stream(q.zeroPoint()).allMatch(z -> z == 0);
    return String.format(
        Locale.ROOT,
        "q: per-channel on dim %d, %d scales in [%s, %s], %s",
        q.quantizedDimension(),
        q.scale().length,
        num(min),
        num(max),
        zeroZp ? "zero points 0" : "zero points " + Arrays.toString(q.zeroPoint()));
  }

  private static String num(float f) {
    return String.format(Locale.ROOT, "%.6g", f);
  }

  private static String options(Map<String, Object> options) {
    return options.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  private static String named(Map<String, Integer> map) {
    return map.entrySet().stream()
        .map(e -> e.getKey() + "=T#" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String tensors(int[] indices) {
    return Arrays.stream(indices)
        .mapToObj(i -> i < 0 ? "-" : "T#" + i)
        .collect(Collectors.joining(", "));
  }

  private static void share(StringBuilder b, String what, long bytes, long total) {
    line(b, "  %-36s %,12d bytes %5.1f%%", what, bytes, total == 0 ? 0.0 : 100.0 * bytes / total);
  }

  private static void line(StringBuilder b, String format, Object... args) {
    b.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
