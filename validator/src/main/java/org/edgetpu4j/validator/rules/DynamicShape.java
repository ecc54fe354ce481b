package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A tensor whose shape signature has -1 (a dimension the converter left to run time). The Edge TPU
 * compiler compiles for the stored shape, so the compiled model only accepts that size: a model
 * converted with a dynamic batch and stored batch 1 still compiles (the Coral-compiled pairs {@code
 * dense_256} and {@code dense_512} have input signature [-1, N] and map fully), but it cannot be
 * resized on the Edge TPU. Operators that compute shapes at run time (SHAPE and the INT32
 * arithmetic after it) are reported by EDGETPU_DATA_TYPE.
 */
@ValidationRule(
    id = "DYNAMIC_SHAPE",
    severity = Severity.WARNING,
    summary = "A tensor has a dynamic dimension (-1 in its shape signature).")
public final class DynamicShape implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (tensor.isDynamic()) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      "tensor has dynamic shape "
                          + tensor.shapeSignature()
                          + "; the Edge TPU compiler compiles for the stored shape "
                          + tensor.shape()
                          + " and the compiled model accepts only that size")
                  .hint(
                      "Fix the shape before conversion (for example batch 1 on the concrete"
                          + " function's input) so that no run-time shape arithmetic is emitted")
                  .build());
        }
      }
    }
    return out;
  }
}
