package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.CompilerVersion;
import org.edgetpu4j.validator.tables.EdgeTpuTables;
import org.edgetpu4j.validator.tables.OpRuntimeTable;
import org.edgetpu4j.validator.tables.RuntimeVersion;

/**
 * An operator version above what the Edge TPU compiler's own TFLite parser knows: the compiler
 * rejects the whole model ("Model could not be parsed") before mapping anything.
 */
@ValidationRule(
    id = "EDGETPU_OP_VERSION",
    severity = Severity.ERROR,
    summary = "An operator version is newer than the Edge TPU compiler can parse.")
public final class EdgeTpuOpVersion implements Rule {

  /**
   * Why {@code compiler} refuses {@code code}, if it does: a reported ceiling for the operator, or
   * else a version first released after the TFLite release the compiler's parser knows.
   */
  static Optional<String> refusal(OperatorCode code, CompilerVersion compiler) {
    EdgeTpuTables tables = EdgeTpuTables.get();
    Optional<EdgeTpuTables.Ceiling> c = tables.ceilingFor(code.op(), compiler);
    if (c.isPresent() && code.version() > c.get().maxVersion()) {
      return Optional.of(
          "it parses up to v" + c.get().maxVersion() + " (" + c.get().evidence() + ")");
    }
    Optional<EdgeTpuTables.Compiler> release = tables.compiler(compiler);
    if (release.isEmpty()) {
      return Optional.empty();
    }
    RuntimeVersion parser = release.get().parserTflite();
    Optional<RuntimeVersion> min = OpRuntimeTable.get().minRuntime(code.op(), code.version());
    if (min.isPresent() && !parser.isOlderThan(min.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "v"
            + code.version()
            + " first appeared in TFLite "
            + min.map(RuntimeVersion::toString)
                .orElse("after " + OpRuntimeTable.get().newestKnown())
            + ", and the compiler's parser knows operator versions up to TFLite "
            + parser
            + " (inferred from the refusals listed in docs/rules/EDGETPU_OP_VERSION.md)");
  }

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      if (code.isCustom()) {
        continue;
      }
      Optional<String> refusal = refusal(code, ctx.target().compiler());
      if (refusal.isEmpty()) {
        continue;
      }
      String why =
          ctx.required(i)
              .filter(r -> r.version() == code.version())
              .map(r -> " (v" + code.version() + " because " + r.reason() + ")")
              .orElse("");
      refused.add(code.op() + " v" + code.version());
      out.add(
          ctx.finding(this, i)
              .message(
                  code.op()
                      + " v"
                      + code.version()
                      + why
                      + " is newer than Edge TPU"
                      + " compiler "
                      + ctx.target().compiler()
                      + " can parse: "
                      + refusal.get())
              .hint(
                  "Convert so the operator keeps an older version (older converter,"
                      + " experimental_new_converter=False, or remove the property that raised the"
                      + " version)")
              .blocks(EdgeTpuStatus.VERSION_NOT_SUPPORTED)
              .build());
    }
    if (!refused.isEmpty()) {
      out.add(
          ctx.finding(this)
              .message(
                  "Edge TPU compiler "
                      + ctx.target().compiler()
                      + " cannot parse "
                      + String.join(", ", refused)
                      + ": 'Model could not be parsed', nothing is"
                      + " compiled")
              .hint("Lower the operator versions listed above")
              .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
              .build());
    }
    return out;
  }
}
