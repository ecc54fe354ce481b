package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A run-time tensor with more than three dimensions larger than 1 (for example batch > 1 on an
 * image, or a 5-D tensor); only the three innermost dimensions may exceed 1 on the Edge TPU.
 */
@ValidationRule(
    id = "TENSOR_RANK",
    severity = Severity.ERROR,
    summary = "A tensor has a dimension larger than 1 outside its 3 innermost dimensions.")
public final class TensorRank implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        for (int d = 0; d < tensor.rank() - 3; d++) {
          if (tensor.shape().get(d) > 1) {
            out.add(
                ctx.finding(this, i)
                    .tensor(t)
                    .message(
                        "shape "
                            + tensor.shape()
                            + " has a non-unit dimension outside the 3 innermost")
                    .hint("Use batch 1 and at most three dimensions larger than 1")
                    .blocks(EdgeTpuStatus.UNSUPPORTED_RANK)
                    .build());
            break;
          }
        }
      }
    }
    return out;
  }
}
