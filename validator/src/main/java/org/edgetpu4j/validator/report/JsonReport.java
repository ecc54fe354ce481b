package org.edgetpu4j.validator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.edgetpu4j.validator.EdgeTpuPrediction;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.OpReport;
import org.edgetpu4j.validator.Report;

/**
 * The JSON report. Field names are stable; the layout is documented in the validator README and
 * carries {@code schemaVersion}.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** Renders {@code r} as indented JSON text. */
  public static String render(Report r) {
    try {
      return JSON.writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code r} as a JSON tree. */
  public static ObjectNode tree(Report r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    root.put("tool", "edgetpu4j validator");
    root.put("model", r.modelName());
    ObjectNode target = root.putObject("target");
    if (r.target().runtime().isPresent()) {
      target.put("runtime", r.target().runtime().get().toString());
    } else {
      target.putNull("runtime");
    }
    target.put("edgetpuRuntime", r.target().edgetpuRuntime());
    target.put("compiler", r.target().compiler().toString());
    root.put("edgetpuCompatible", r.edgetpuCompatible());
    root.put("loadsOnTarget", r.loadsOnTarget());
    root.put("minRuntimeVersion", r.minRuntimeVersion());
    root.put("declaredMinRuntimeVersion", r.declaredMinRuntimeVersion());
    EdgeTpuPrediction p = r.edgetpu();
    ObjectNode e = root.putObject("edgetpu");
    e.put("compiles", p.compiles());
    p.compileErrors().forEach(e.putArray("compileErrors")::add);
    e.put("mapping", p.mapping().name().toLowerCase(java.util.Locale.ROOT));
    if (p.firstUnmappableOpIndex() < 0) {
      e.putNull("firstUnmappableOpIndex");
    } else {
      e.put("firstUnmappableOpIndex", p.firstUnmappableOpIndex());
    }
    p.unmappableOps().forEach(e.putArray("unmappableOps")::add);
    e.put("opsOnEdgeTpu", p.opsOnEdgeTpu());
    e.put("opsOnCpu", p.opsOnCpu());
    e.put("parameterBytes", PackageSummary.parameterBytes(r));
    e.put("compiled", r.compiled());
    ArrayNode packages = e.putArray("packages");
    for (var pkg : r.packages()) {
      ObjectNode o = packages.addObject();
      o.put("identifier", pkg.identifier());
      o.put("minRuntimeVersion", pkg.minRuntimeVersion());
      o.put("parameterCacheBytes", pkg.cachedParameterBytes());
      o.put("streamedParameterBytes", pkg.streamedParameterBytes());
      ArrayNode exes = o.putArray("executables");
      for (var x : pkg.executables()) {
        exes.addObject()
            .put("type", x.type())
            .put("chip", x.chip())
            .put("parameterBytes", x.parameterBytes());
      }
    }
    ArrayNode ops = root.putArray("ops");
    for (OpReport op : r.ops()) {
      ObjectNode o = ops.addObject();
      o.put("index", op.index());
      o.put("opcode", op.opcode());
      o.put("version", op.version());
      o.put("requiredVersion", op.requiredVersion());
      o.put("versionReason", op.versionReason());
      o.put("minRuntime", op.minRuntime());
      o.put("edgetpuStatus", op.edgetpuStatus().text());
      o.put("reason", op.reason());
      op.inputs().forEach(o.putArray("inputs")::add);
      op.outputs().forEach(o.putArray("outputs")::add);
    }
    ArrayNode findings = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode o = findings.addObject();
      o.put("ruleId", f.ruleId());
      o.put("severity", f.severity().name());
      o.put("subgraph", f.subgraph());
      o.put("opIndex", f.opIndex());
      o.put("opCode", f.opCode());
      o.put("tensorIndex", f.tensorIndex());
      o.put("tensorName", f.tensorName());
      o.put("message", f.message());
      o.put("hint", f.hint());
      if (f.edgetpuStatus().isPresent()) {
        o.put("edgetpuStatus", f.edgetpuStatus().get().text());
      } else {
        o.putNull("edgetpuStatus");
      }
      o.put("doc", f.docPage());
    }
    return root;
  }
}
