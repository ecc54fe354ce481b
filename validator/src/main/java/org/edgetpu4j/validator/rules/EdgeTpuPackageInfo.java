package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;

/** Describes each Edge TPU package (edgetpu-custom-op) of an already compiled model. */
@ValidationRule(
    id = "EDGETPU_PACKAGE",
    severity = Severity.INFO,
    summary = "The model is already compiled for the Edge TPU; describes the package.")
public final class EdgeTpuPackageInfo implements Rule {

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
        StringBuilder exes = new StringBuilder();
        for (EdgeTpuPackage.Executable e : p.executables()) {
          exes.append(exes.length() == 0 ? "" : ", ").append(e.type());
          if (!e.chip().isEmpty()) {
            exes.append(" for ").append(e.chip());
          }
          exes.append(" (").append(e.parameterBytes()).append(" parameter bytes)");
        }
        out.add(
            ctx.finding(this, i)
                .message(
                    "Edge TPU package "
                        + p.identifier()
                        + ": needs Edge TPU runtime "
                        + p.minRuntimeVersion()
                        + (p.compilerVersion().isEmpty() ? "" : ", compiler " + p.compilerVersion())
                        + "; executables: "
                        + exes
                        + "; on-chip parameter cache "
                        + p.cachedParameterBytes()
                        + " bytes")
                .hint("Already compiled: the ops outside edgetpu-custom-op run on the CPU")
                .build());
      } catch (IllegalArgumentException e) {
        // EDGETPU_PACKAGE_RUNTIME reports unreadable packages.
      }
    }
    return out;
  }
}
