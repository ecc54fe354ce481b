package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A hybrid (dynamic-range) operator: FLOAT32 activations with INT8 weights, dequantized at run
 * time. The Edge TPU needs integer activations.
 */
@ValidationRule(
    id = "HYBRID_OP",
    severity = Severity.ERROR,
    summary =
        "An operator computes on FLOAT32 activations with INT8 weights (dynamic-range quantization).")
public final class HybridOp implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (!Ops.hasWeights(code) && code != BuiltinOp.BATCH_MATMUL) {
        continue;
      }
      Tensor act = ctx.tensor(ctx.op(i).input(Ops.activationSlot(code)));
      int w = ctx.op(i).input(Ops.weightSlot(code));
      Tensor weights = ctx.tensor(w);
      if (act != null
          && weights != null
          && act.type() == TensorType.FLOAT32
          && (weights.type() == TensorType.INT8 || weights.type() == TensorType.UINT8)) {
        out.add(
            ctx.finding(this, i)
                .tensor(w)
                .message(
                    "hybrid op: FLOAT32 activations with "
                        + weights.type()
                        + " weights (dynamic-range quantization); the arithmetic stays float")
                .hint(
                    "Quantize fully: give the converter a representative_dataset and"
                        + " supported_ops = [TFLITE_BUILTINS_INT8]")
                .build());
      }
    }
    return out;
  }
}
