package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * LOGISTIC, SOFTMAX, TANH and L2_NORMALIZATION have a fixed output quantization that TFLite's
 * integer kernels check when they prepare: LOGISTIC/SOFTMAX (1/256, -128 for INT8, 0 for UINT8),
 * TANH and L2_NORMALIZATION (1/128, 0 for INT8, 128 for UINT8).
 */
@ValidationRule(
    id = "FIXED_OUTPUT_QUANT",
    severity = Severity.ERROR,
    summary =
        "LOGISTIC, SOFTMAX, TANH or L2_NORMALIZATION output does not have its fixed scale and zero point.")
public final class FixedOutputQuant implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      float scale;
      if (code == BuiltinOp.LOGISTIC || code == BuiltinOp.SOFTMAX) {
        scale = 1f / 256;
      } else if (code == BuiltinOp.TANH || code == BuiltinOp.L2_NORMALIZATION) {
        scale = 1f / 128;
      } else {
        continue;
      }
      int o = ctx.output(i, 0);
      Tensor t = ctx.tensor(o);
      if (t == null || !Ops.is8Bit(t.type()) || !t.quantization().isQuantized()) {
        continue;
      }
      boolean sigmoidLike = code == BuiltinOp.LOGISTIC || code == BuiltinOp.SOFTMAX;
      long zp = t.type() == TensorType.INT8 ? (sigmoidLike ? -128 : 0) : (sigmoidLike ? 0 : 128);
      float s = t.quantization().scale().get(0);
      long z = t.quantization().zeroPoint().length() > 0 ? t.quantization().zeroPoint().get(0) : 0;
      boolean zpOk =
          z == zp || (code == BuiltinOp.TANH && t.type() == TensorType.UINT8 && z == 127);
      if (Math.abs(s - scale) > 1e-3 * scale || !zpOk) {
        out.add(
            ctx.finding(this, i)
                .tensor(o)
                .message(
                    code
                        + " output is (scale "
                        + s
                        + ", zero point "
                        + z
                        + "), expected ("
                        + scale
                        + ", "
                        + zp
                        + ") for "
                        + t.type())
                .hint("Let the converter choose the output quantization of " + code)
                .build());
      }
    }
    return out;
  }
}
