package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** A 16x8 model: INT16 activations with INT8 weights, which the Edge TPU cannot compute. */
@ValidationRule(
    id = "INT16_ACTIVATIONS",
    severity = Severity.ERROR,
    summary = "Operators work on INT16 activations (16x8 quantization).")
public final class Int16Activations implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (tensor.type() == TensorType.INT16
            && tensor.quantization().isQuantized()
            && !Ops.isIntegerLstmState(ctx, i, t)) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      "INT16 quantized activation (16x8 quantization); the Edge TPU computes"
                          + " in 8 bits only")
                  .hint(
                      "Quantize activations to 8 bits (do not use"
                          + " EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8)")
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
