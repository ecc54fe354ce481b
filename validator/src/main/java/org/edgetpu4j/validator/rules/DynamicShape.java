package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A tensor whose shape signature has -1 (a dimension known only at run time). The Edge TPU needs
 * sizes fixed at compile time; the compiler fails ("only supports static-sized tensors").
 */
@ValidationRule(
    id = "DYNAMIC_SHAPE",
    severity = Severity.ERROR,
    summary = "A tensor has a dynamic shape (-1 in its shape signature).")
public final class DynamicShape implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < ctx.opCount(); i++) {
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (tensor.isDynamic()) {
          any = true;
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message("tensor has dynamic shape " + tensor.shapeSignature()
                      + " (sizes must be constant)")
                  .hint("Give the model a fixed input shape, e.g. set batch 1 on the concrete"
                      + " function's input before converting")
                  .blocks(EdgeTpuStatus.UNSPECIFIED_LIMITATION)
                  .build());
        }
      }
    }
    if (any) {
      out.add(
          ctx.finding(this)
              .message("the model has dynamic-sized tensors; the Edge TPU compiler fails"
                  + " ('only supports static-sized tensors')")
              .hint("Fix every dimension before conversion")
              .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
              .build());
    }
    return out;
  }
}
