package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * INT8 tensors need Edge TPU runtime 12 or newer (INT8 host data type support); compiled for an
 * older runtime every INT8 operator is reported as working on an unsupported data type.
 */
@ValidationRule(
    id = "INT8_NEEDS_RUNTIME_12",
    severity = Severity.ERROR,
    summary = "INT8 tensors need Edge TPU runtime 12 or newer.")
public final class Int8IoRuntime implements Rule {
  /** The first Edge TPU runtime with INT8 host data type support. */
  public static final int MIN_RUNTIME = 12;

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (ctx.target().edgetpuRuntime() >= MIN_RUNTIME) {
      return out;
    }
    for (int i = 0; i < ctx.opCount(); i++) {
      for (int t : ctx.activeTensors(i)) {
        Tensor tensor = ctx.tensor(t);
        if (tensor.type() == TensorType.INT8) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      "INT8 tensor on Edge TPU runtime "
                          + ctx.target().edgetpuRuntime()
                          + " (INT8 needs runtime "
                          + MIN_RUNTIME
                          + " or newer)")
                  .hint(
                      "Target Edge TPU runtime "
                          + MIN_RUNTIME
                          + "+ (edgetpu_compiler -m "
                          + MIN_RUNTIME
                          + "), or use UINT8 quantization")
                  .blocks(EdgeTpuStatus.UNSUPPORTED_DATA_TYPE)
                  .build());
          break;
        }
      }
    }
    return out;
  }
}
