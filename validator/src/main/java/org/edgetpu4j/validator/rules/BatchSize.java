package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** A model input with a batch dimension larger than 1; the Edge TPU runs one sample at a time. */
@ValidationRule(
    id = "BATCH_SIZE",
    severity = Severity.WARNING,
    summary = "A model input has a batch dimension larger than 1.")
public final class BatchSize implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain()) {
      return out;
    }
    for (int k = 0; k < ctx.main().inputs().length(); k++) {
      int t = ctx.main().inputs().get(k);
      Tensor tensor = ctx.tensor(t);
      if (tensor != null && tensor.rank() >= 2 && tensor.shape().get(0) > 1) {
        out.add(
            ctx.finding(this)
                .tensor(t)
                .message(
                    "input "
                        + tensor.shape()
                        + " has batch "
                        + tensor.shape().get(0)
                        + "; the Edge TPU expects batch 1")
                .hint("Convert with batch 1 and run samples one after another")
                .build());
      }
    }
    return out;
  }
}
