package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;

/**
 * An operator reads or writes a tensor that is not 8-bit quantized (FLOAT32, INT16, INT32, ...) at
 * run time; the Edge TPU computes in 8 bits only. QUANTIZE is judged by its own limitation. Custom
 * operators are checked too: the compiler reports a float custom operator such as
 * TFLite_Detection_PostProcess as working on an unsupported data type.
 */
@ValidationRule(
    id = "EDGETPU_DATA_TYPE",
    severity = Severity.ERROR,
    summary = "An operator works on tensors that are not 8-bit quantized.")
public final class EdgeTpuDataType implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (code == BuiltinOp.QUANTIZE
          || EdgeTpuPackage.CUSTOM_OP.equals(
              ctx.model().opcode(ctx.op(i)).customCode().orElse(""))) {
        continue;
      }
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (!Ops.is8Bit(tensor.type()) && !Ops.isIntegerLstmState(ctx, i, t)) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      ctx.opName(i)
                          + " works on "
                          + tensor.type()
                          + " tensors (Edge TPU needs 8-bit quantized tensors)")
                  .hint("Quantize the model fully to INT8/UINT8")
                  .blocks(EdgeTpuStatus.UNSUPPORTED_DATA_TYPE)
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
