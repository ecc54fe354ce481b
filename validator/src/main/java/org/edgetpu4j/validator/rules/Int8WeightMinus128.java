package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * INT8 weights containing -128. The quantization spec keeps weights in [-127, 127] so that the
 * optimized kernels' symmetric arithmetic cannot overflow.
 */
@ValidationRule(
    id = "INT8_WEIGHT_MINUS_128",
    severity = Severity.WARNING,
    summary = "INT8 weights contain -128 (the spec's range is [-127, 127]).")
public final class Int8WeightMinus128 implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (!Ops.hasWeights(code)) {
        continue;
      }
      int w = ctx.op(i).input(Ops.weightSlot(code));
      Tensor weights = ctx.tensor(w);
      if (weights == null || weights.type() != TensorType.INT8 || !ctx.isConstant(weights)) {
        continue;
      }
      var data = ctx.model().data(weights);
      int count = 0;
      for (int k = 0; k < data.length(); k++) {
        if (data.get(k) == (byte) -128) {
          count++;
        }
      }
      if (count > 0) {
        out.add(
            ctx.finding(this, i)
                .tensor(w)
                .message(
                    count
                        + " INT8 weight value(s) are -128; INT8 weights should lie in"
                        + " [-127, 127]")
                .hint("Quantize weights with narrow_range=True")
                .build());
      }
    }
    return out;
  }
}
