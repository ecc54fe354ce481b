package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.EdgeTpuOp;
import org.edgetpu4j.validator.tables.EdgeTpuTables;

/**
 * A builtin operator the Edge TPU cannot run: not in the supported-operations table, or supported
 * only from a newer Edge TPU runtime or compiler than the target.
 */
@ValidationRule(
    id = "EDGETPU_UNSUPPORTED_OP",
    severity = Severity.ERROR,
    summary = "An operator is not supported by the Edge TPU (for the target runtime and compiler).")
public final class EdgeTpuUnsupportedOp implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (code == BuiltinOp.CUSTOM) {
        continue;
      }
      Optional<EdgeTpuOp> row = EdgeTpuTables.get().op(code);
      String message = null;
      String hint = null;
      if (row.isEmpty()) {
        message = "operation " + code + " is not in the Edge TPU supported-operations list";
        hint = hintFor(code);
      } else if (row.get().minRuntime() > ctx.target().edgetpuRuntime()) {
        message =
            code
                + " needs Edge TPU runtime "
                + row.get().minRuntime()
                + ", target is "
                + ctx.target().edgetpuRuntime();
        hint =
            "Compile for runtime "
                + row.get().minRuntime()
                + " (edgetpu_compiler -m "
                + row.get().minRuntime()
                + ") if the device has it";
      } else if (ctx.target().compiler().isOlderThan(row.get().minCompiler())) {
        message =
            code
                + " needs Edge TPU compiler "
                + row.get().minCompiler()
                + ", target compiler is "
                + ctx.target().compiler();
        hint = "Use Edge TPU compiler " + row.get().minCompiler() + " or newer";
      }
      if (message != null) {
        out.add(
            ctx.finding(this, i)
                .message(message)
                .hint(hint)
                .blocks(EdgeTpuStatus.NOT_SUPPORTED)
                .build());
      }
    }
    return out;
  }

  private static String hintFor(BuiltinOp code) {
    return switch (code) {
      case LEAKY_RELU -> "Use PRELU (Edge TPU runtime 13+) or RELU instead of LEAKY_RELU";
      case HARD_SWISH -> "Replace HARD_SWISH with x * RELU6(x + 3) / 6 (ADD, RELU6, MUL)";
      case DEQUANTIZE -> "Keep the model integer to the end (inference_output_type = tf.uint8)";
      default ->
          "Move "
              + code
              + " out of the model (run it in the application), or replace it"
              + " with supported operators";
    };
  }
}
