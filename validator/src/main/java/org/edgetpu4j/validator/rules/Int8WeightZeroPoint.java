package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * INT8 weights with a nonzero zero point. INT8 weights must be symmetric; TFLite refuses to prepare
 * such a model, so nothing can run it.
 */
@ValidationRule(
    id = "INT8_WEIGHT_ZERO_POINT",
    severity = Severity.ERROR,
    summary = "INT8 weights have a nonzero zero point (INT8 weights must be symmetric).")
public final class Int8WeightZeroPoint implements Rule {

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
      if (weights == null || weights.type() != TensorType.INT8) {
        continue;
      }
      List<Long> nonzero = new ArrayList<>();
      var zps = weights.quantization().zeroPoint();
      for (int c = 0; c < zps.length(); c++) {
        if (zps.get(c) != 0 && !nonzero.contains(zps.get(c))) {
          nonzero.add(zps.get(c));
        }
      }
      if (!nonzero.isEmpty()) {
        out.add(
            ctx.finding(this, i)
                .tensor(w)
                .message(
                    "int8 weight tensor has nonzero zero point(s) "
                        + nonzero
                        + " (int8 weights must be symmetric, zero point 0); TFLite refuses to prepare"
                        + " the model")
                .hint(
                    "Use symmetric weight quantization (narrow_range, zero point 0), or legacy"
                        + " uint8 quantization")
                .build());
      }
    }
    if (!out.isEmpty()) {
      out.add(
          ctx.finding(this)
              .message(
                  "the model has int8 weights with nonzero zero points; TFLite cannot prepare"
                      + " it, so the Edge TPU compiler cannot compile it")
              .hint("Use symmetric int8 weights")
              .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
              .build());
    }
    return out;
  }
}
