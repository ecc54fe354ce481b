package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;

/** A custom operator: the application must register it, and the Edge TPU cannot run it. */
@ValidationRule(
    id = "CUSTOM_OP",
    severity = Severity.WARNING,
    summary = "A custom operator needs a registration in the application and runs on the CPU.")
public final class CustomOp implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      if (!code.isCustom() || EdgeTpuPackage.CUSTOM_OP.equals(code.customCode().orElse(""))) {
        continue;
      }
      out.add(
          ctx.finding(this, i)
              .message(
                  "custom operator '"
                      + code.customCode().orElse("")
                      + "' is not a TFLite builtin;"
                      + " the interpreter only runs it when the application registers it, and it"
                      + " is not in the Edge TPU supported-operations list")
              .hint(
                  "Register the operator with the interpreter's op resolver, or replace it with"
                      + " builtin operators")
              .blocks(EdgeTpuStatus.NOT_SUPPORTED)
              .build());
    }
    return out;
  }
}
