package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.edgetpu.Limitation;
import org.edgetpu4j.validator.tables.EdgeTpuOp;
import org.edgetpu4j.validator.tables.EdgeTpuTables;

/**
 * A supported operator that breaks one of its known Edge TPU limitations (fused activation on
 * pooling, unequal dilation, strides other than 1, SOFTMAX on more than one dimension, reductions
 * over the batch, ...). The compiler leaves it on the CPU.
 */
@ValidationRule(
    id = "EDGETPU_OP_LIMITATION",
    severity = Severity.ERROR,
    summary = "A supported operator violates one of its Edge TPU limitations.")
public final class EdgeTpuOpLimitation implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      Optional<EdgeTpuOp> row = EdgeTpuTables.get().op(code);
      if (row.isEmpty()) {
        continue;
      }
      for (String name : row.get().limitations()) {
        Limitation limitation = Limitation.valueOf(name);
        Optional<String> v = limitation.violation(ctx, i);
        if (v.isPresent()) {
          out.add(
              ctx.finding(this, i)
                  .message(v.get())
                  .hint(limitation.hint() + " (limitation " + name + ")")
                  .blocks(EdgeTpuStatus.UNSPECIFIED_LIMITATION)
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
