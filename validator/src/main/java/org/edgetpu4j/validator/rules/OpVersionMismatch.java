package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.versioning.RequiredVersion;

/**
 * The stored operator version is lower than the converter would assign for the operator's
 * signature, so a runtime may pick a kernel version that does not handle it (a sign of a
 * hand-edited model or a foreign tool).
 */
@ValidationRule(
    id = "OP_VERSION_MISMATCH",
    severity = Severity.WARNING,
    summary = "The stored operator version is lower than the operator's signature requires.")
public final class OpVersionMismatch implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      if (ctx.required(i).isEmpty()) {
        continue;
      }
      RequiredVersion r = ctx.required(i).get();
      if (code.version() < r.version()) {
        out.add(
            ctx.finding(this, i)
                .message(
                    code.op()
                        + " is stored as v"
                        + code.version()
                        + " but needs v"
                        + r.version()
                        + " because "
                        + r.reason())
                .hint(
                    "Set the operator-code version to "
                        + r.version()
                        + " (the TFLite converter does this itself)")
                .build());
      }
    }
    return out;
  }
}
