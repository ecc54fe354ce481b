package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.EdgeTpuTables;

/**
 * Constant parameters larger than the Edge TPU's on-chip cache (about 8 MiB, of which the compiler
 * reports roughly 7.7-7.9 MiB usable): the rest is streamed from host memory on every inference.
 */
@ValidationRule(
    id = "PARAMETER_CACHE",
    severity = Severity.WARNING,
    summary = "Parameters exceed the Edge TPU's on-chip parameter cache (about 8 MiB).")
public final class ParameterCache implements Rule {
  /** On-chip memory the compiler reports as available for caching parameters (7.86 MiB). */
  public static final long USABLE_BYTES = (long) (7.86 * 1024 * 1024);

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    long bytes = parameterBytes(ctx);
    if (bytes > USABLE_BYTES) {
      out.add(
          ctx.finding(this)
              .message(
                  String.format(
                      "%.2f MiB of parameters on Edge TPU operators; about %.2f MiB fit in the"
                          + " on-chip cache, the rest is streamed from the host each inference",
                      bytes / 1048576.0, USABLE_BYTES / 1048576.0))
              .hint(
                  "Use a smaller model, split it across several Edge TPUs (edgetpu_compiler"
                      + " --num_segments), or accept slower inference")
              .build());
    }
    return out;
  }

  /** Bytes of constant tensors read by operators the Edge TPU supports. */
  public static long parameterBytes(RuleContext ctx) {
    long bytes = 0;
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (EdgeTpuTables.get().op(code).isEmpty()) {
        continue;
      }
      var inputs = ctx.op(i).inputs();
      for (int k = 0; k < inputs.length(); k++) {
        Tensor t = ctx.tensor(inputs.get(k));
        if (t != null && ctx.isConstant(t) && seen.add(inputs.get(k))) {
          bytes += ctx.model().data(t).length();
        }
      }
    }
    return bytes;
  }
}
