package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** Weights or bias computed at run time; Edge TPU parameters must be constant at compile time. */
@ValidationRule(
    id = "NON_CONSTANT_WEIGHTS",
    severity = Severity.ERROR,
    summary = "Weights or bias of a convolution or fully-connected operator are not constant.")
public final class NonConstantWeights implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (!Ops.hasWeights(code)) {
        continue;
      }
      for (int slot : new int[] {Ops.weightSlot(code), Ops.biasSlot(code)}) {
        int t = ctx.op(i).input(slot);
        Tensor tensor = ctx.tensor(t);
        if (tensor != null && !ctx.isConstant(tensor)) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      (slot == Ops.biasSlot(code) ? "bias" : "weights")
                          + " are computed at run time (parameters must be constant)")
                  .hint("Freeze the weights into the model as constants")
                  .blocks(EdgeTpuStatus.UNSPECIFIED_LIMITATION)
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
