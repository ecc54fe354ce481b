package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** A zero point that the tensor's type cannot hold (e.g. 200 for INT8). */
@ValidationRule(
    id = "ZERO_POINT_OUT_OF_RANGE",
    severity = Severity.ERROR,
    summary = "A zero point lies outside the range of the tensor's type.")
public final class ZeroPointOutOfRange implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain()) {
      return out;
    }
    for (int t = 0; t < ctx.main().tensors().size(); t++) {
      Tensor tensor = ctx.tensor(t);
      QuantParams q = tensor.quantization();
      if (!Ops.isQuantizable(tensor.type())) {
        continue;
      }
      long min = Ops.qmin(tensor.type());
      long max = Ops.qmax(tensor.type());
      for (int c = 0; c < q.zeroPoint().length(); c++) {
        long zp = q.zeroPoint().get(c);
        if (zp < min || zp > max) {
          out.add(
              ctx.finding(this)
                  .tensor(t)
                  .message(
                      "zero point "
                          + zp
                          + " of "
                          + tensor.type()
                          + " tensor is outside ["
                          + min
                          + ", "
                          + max
                          + "]")
                  .hint("The converter clamps zero points into the type's range; re-convert")
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
