package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * Degenerate quantization parameters: a scale that is zero, negative, infinite or NaN, or scale and
 * zero-point lists of different lengths.
 */
@ValidationRule(
    id = "QUANT_SCALE_INVALID",
    severity = Severity.ERROR,
    summary =
        "A quantization scale is not a positive finite number, or scales and zero points disagree in count.")
public final class QuantScaleInvalid implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain()) {
      return out;
    }
    for (int t = 0; t < ctx.main().tensors().size(); t++) {
      Tensor tensor = ctx.tensor(t);
      QuantParams q = tensor.quantization();
      if (!q.isQuantized()) {
        continue;
      }
      String problem = null;
      if (q.zeroPoint().length() != 0 && q.zeroPoint().length() != q.scale().length()) {
        problem = q.scale().length() + " scales but " + q.zeroPoint().length() + " zero points";
      } else {
        for (int c = 0; c < q.scale().length(); c++) {
          float s = q.scale().get(c);
          if (!(s > 0) || Float.isInfinite(s)) {
            problem = "scale[" + c + "] = " + s + ", expected a positive finite number";
            break;
          }
        }
      }
      if (problem != null) {
        out.add(
            ctx.finding(this)
                .tensor(t)
                .message("degenerate quantization of " + tensor.type() + " tensor: " + problem)
                .hint("Check the calibration data: a constant or empty range gives a zero scale")
                .build());
      }
    }
    return out;
  }
}
