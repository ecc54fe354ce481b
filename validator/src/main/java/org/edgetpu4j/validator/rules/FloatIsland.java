package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A DEQUANTIZE inside an integer graph: its FLOAT32 output feeds further operators instead of being
 * a model output, so part of the graph falls back to float (an operator without an integer kernel).
 */
@ValidationRule(
    id = "FLOAT_ISLAND",
    severity = Severity.WARNING,
    summary = "A DEQUANTIZE inside the graph leaves a float island between integer operators.")
public final class FloatIsland implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      if (ctx.code(i) != BuiltinOp.DEQUANTIZE) {
        continue;
      }
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      int o = ctx.output(i, 0);
      Tensor outT = ctx.tensor(o);
      if (in == null
          || outT == null
          || !Ops.is8Bit(in.type())
          || ctx.isConstant(in)
          || outT.type() != TensorType.FLOAT32
          || ctx.isGraphOutput(o)) {
        continue;
      }
      out.add(
          ctx.finding(this, i)
              .tensor(o)
              .message(
                  "DEQUANTIZE inside the graph: FLOAT32 tensor between integer operators"
                      + " (float island); the operators on it run in float on the CPU")
              .hint(
                  "Replace the operator that lacks an integer kernel, or move it to the end of"
                      + " the model")
              .build());
    }
    return out;
  }
}
