package org.edgetpu4j.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * Findings on a model the Edge TPU compiler already compiled. The operators outside {@code
 * edgetpu-custom-op} are the part the compiler left on the CPU: they are the model's design, so
 * what keeps them off the Edge TPU is reported as information, not as errors. The custom operator
 * itself is judged only by its package (readable, runtime new enough), not by the types of its
 * inputs and outputs, which the compiler chose.
 */
final class CompiledModel {
  /** Rules that stay as they are on a compiled model. */
  private static final Set<String> KEPT =
      Set.of("OP_VERSION_TOO_NEW", "EDGETPU_PACKAGE", "EDGETPU_PACKAGE_RUNTIME");

  private CompiledModel() {}

  /** True when subgraph 0 has an {@code edgetpu-custom-op}. */
  static boolean isCompiled(RuleContext ctx) {
    for (int i = 0; i < ctx.opCount(); i++) {
      if (isPackageOp(ctx, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPackageOp(RuleContext ctx, int i) {
    return EdgeTpuPackage.CUSTOM_OP.equals(ctx.model().opcode(ctx.op(i)).customCode().orElse(""));
  }

  /** The findings as they apply to a compiled model (unchanged for other models). */
  static List<Finding> adjust(RuleContext ctx, List<Finding> findings) {
    if (!ctx.hasMain() || !isCompiled(ctx)) {
      return findings;
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (KEPT.contains(f.ruleId())) {
        out.add(f);
      } else if (f.subgraph() == 0 && f.opIndex() >= 0 && isPackageOp(ctx, f.opIndex())) {
        continue; // the compiler chose the package's input and output types
      } else if (f.opIndex() >= 0 && f.subgraph() == 0) {
        out.add(
            info(f, "runs on the CPU by the model's design: " + f.message(), f.edgetpuStatus()));
      } else {
        out.add(info(f, f.message(), Optional.empty()));
      }
    }
    return out;
  }

  private static Finding info(Finding f, String message, Optional<EdgeTpuStatus> status) {
    return f.with(Severity.INFO, message, status);
  }

  /** The readable packages of the model's {@code edgetpu-custom-op} operators. */
  static List<EdgeTpuPackage> packages(RuleContext ctx) {
    List<EdgeTpuPackage> out = new ArrayList<>();
    for (int i = 0; ctx.hasMain() && i < ctx.opCount(); i++) {
      if (isPackageOp(ctx, i)) {
        try {
          out.add(EdgeTpuPackage.decode(ctx.op(i).customOptions()));
        } catch (IllegalArgumentException e) {
          // EDGETPU_PACKAGE_RUNTIME reports unreadable packages.
        }
      }
    }
    return out;
  }
}
