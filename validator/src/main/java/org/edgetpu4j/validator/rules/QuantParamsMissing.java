package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/** An INT8 or UINT8 tensor used by an operator has no scale and zero point. */
@ValidationRule(
    id = "QUANT_PARAMS_MISSING",
    severity = Severity.ERROR,
    summary = "An 8-bit tensor has no quantization parameters.")
public final class QuantParamsMissing implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain()) {
      return out;
    }
    for (int i = 0; i < ctx.opCount(); i++) {
      var op = ctx.op(i);
      for (int k = 0; k < op.inputs().length() + op.outputs().length(); k++) {
        int t =
            k < op.inputs().length()
                ? op.inputs().get(k)
                : op.outputs().get(k - op.inputs().length());
        Tensor tensor = ctx.tensor(t);
        if (tensor == null
            || !(tensor.type() == TensorType.INT8 || tensor.type() == TensorType.UINT8)
            || tensor.quantization().isQuantized()) {
          continue;
        }
        out.add(
            ctx.finding(this, i)
                .tensor(t)
                .message(
                    tensor.type()
                        + " tensor "
                        + Ops.shape(tensor)
                        + " has no scale/zero point, so its values have no real meaning")
                .hint(
                    "Re-run the converter with quantization so every 8-bit tensor gets"
                        + " parameters")
                .blocks(EdgeTpuStatus.UNSUPPORTED_DATA_TYPE)
                .build());
      }
    }
    return out;
  }
}
