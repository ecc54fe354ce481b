package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * No compute operator of the model works on 8-bit quantized tensors: a float, dynamic-range,
 * float16-weight or 16x8 model. The Edge TPU compiler refuses it ("Model not quantized").
 */
@ValidationRule(
    id = "NOT_QUANTIZED",
    severity = Severity.ERROR,
    summary = "The model has no 8-bit quantized activations (float, hybrid, float16 or 16x8).")
public final class NotQuantized implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain() || ctx.opCount() == 0) {
      return out;
    }
    String activationType = null;
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (Ops.is8Bit(tensor.type())
            && code != BuiltinOp.QUANTIZE
            && code != BuiltinOp.DEQUANTIZE) {
          return out;
        }
        if (activationType == null) {
          activationType = tensor.type().name();
        }
      }
    }
    out.add(
        ctx.finding(this)
            .message(
                "no operator works on 8-bit quantized tensors (activations are "
                    + (activationType == null ? "not 8-bit" : activationType)
                    + "); the Edge TPU compiler stops with 'Model not quantized'")
            .hint(
                "Convert with full-integer quantization: converter.optimizations = [DEFAULT], a"
                    + " representative_dataset, supported_ops = [TFLITE_BUILTINS_INT8] and"
                    + " inference_input_type/inference_output_type = tf.uint8 or tf.int8")
            .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
            .build());
    return out;
  }
}
