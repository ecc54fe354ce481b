package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** FLOAT16 constants dequantized to FLOAT32 at load time: a float model with smaller weights. */
@ValidationRule(
    id = "FLOAT16_WEIGHTS",
    severity = Severity.ERROR,
    summary = "Weights are stored as FLOAT16 and computed in FLOAT32.")
public final class Float16Weights implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      if (ctx.code(i) != BuiltinOp.DEQUANTIZE) {
        continue;
      }
      int t = ctx.op(i).input(0);
      Tensor in = ctx.tensor(t);
      if (in != null && in.type() == TensorType.FLOAT16) {
        out.add(
            ctx.finding(this, i)
                .tensor(t)
                .message(
                    "FLOAT16 constant "
                        + Ops.shape(in)
                        + " is expanded to FLOAT32; the model computes in float")
                .hint(
                    "Use full-integer quantization instead of float16 quantization for the"
                        + " Edge TPU")
                .build());
      }
    }
    return out;
  }
}
