package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.EdgeTpuTables;

/**
 * An operator version above what the Edge TPU compiler's own TFLite parser knows: the compiler
 * rejects the whole model ("Model could not be parsed") before mapping anything.
 */
@ValidationRule(
    id = "EDGETPU_OP_VERSION",
    severity = Severity.ERROR,
    summary = "An operator version is newer than the Edge TPU compiler can parse.")
public final class EdgeTpuOpVersion implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      Optional<EdgeTpuTables.Ceiling> c =
          EdgeTpuTables.get().ceilingFor(code.op(), ctx.target().compiler());
      if (code.isCustom() || c.isEmpty() || code.version() <= c.get().maxVersion()) {
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
              .message(code.op() + " v" + code.version() + why + " is above the v"
                  + c.get().maxVersion() + " that Edge TPU compiler " + ctx.target().compiler()
                  + " parses (" + c.get().evidence() + ")")
              .hint("Convert so the operator stays at v" + c.get().maxVersion()
                  + " or lower (older converter, experimental_new_converter=False, or remove the"
                  + " property that raised the version)")
              .blocks(EdgeTpuStatus.VERSION_NOT_SUPPORTED)
              .build());
    }
    if (!refused.isEmpty()) {
      out.add(
          ctx.finding(this)
              .message("Edge TPU compiler " + ctx.target().compiler() + " cannot parse "
                  + String.join(", ", refused) + ": 'Model could not be parsed', nothing is"
                  + " compiled")
              .hint("Lower the operator versions listed above")
              .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
              .build());
    }
    return out;
  }
}
