package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;

/**
 * An Edge TPU package that needs a newer Edge TPU runtime than the target ("Package requires
 * runtime version (14), which is newer than this runtime version (13)"), or cannot be read.
 */
@ValidationRule(
    id = "EDGETPU_PACKAGE_RUNTIME",
    severity = Severity.ERROR,
    summary =
        "A compiled Edge TPU package needs a newer Edge TPU runtime than the target, or is unreadable.")
public final class EdgeTpuPackageRuntime implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      if (!code.isCustom() || !EdgeTpuPackage.CUSTOM_OP.equals(code.customCode().orElse(""))) {
        continue;
      }
      try {
        EdgeTpuPackage p = EdgeTpuPackage.decode(ctx.op(i).customOptions());
        int target = ctx.target().edgetpuRuntime();
        if (p.minRuntimeVersion() > target) {
          out.add(
              ctx.finding(this, i)
                  .message(
                      "package requires Edge TPU runtime version ("
                          + p.minRuntimeVersion()
                          + "), which is newer than the target runtime version ("
                          + target
                          + ")")
                  .hint(
                      "Recompile with edgetpu_compiler -m "
                          + target
                          + ", or update the device's Edge TPU runtime")
                  .blocks(EdgeTpuStatus.NOT_SUPPORTED)
                  .build());
        }
      } catch (IllegalArgumentException e) {
        out.add(
            ctx.finding(this, i)
                .message("edgetpu-custom-op package cannot be read: " + e.getMessage())
                .hint("Recompile the model with edgetpu_compiler")
                .blocks(EdgeTpuStatus.NOT_SUPPORTED)
                .build());
      }
    }
    return out;
  }
}
