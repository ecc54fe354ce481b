package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A model input or output that is not UINT8/INT8: the conversions at the graph's edge
 * (QUANTIZE/DEQUANTIZE) run on the CPU and the application exchanges float data.
 */
@ValidationRule(
    id = "IO_TYPE",
    severity = Severity.WARNING,
    summary = "A model input or output is not UINT8 or INT8.")
public final class IoType implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    if (!ctx.hasMain()) {
      return out;
    }
    var sg = ctx.main();
    for (int k = 0; k < sg.inputs().length() + sg.outputs().length(); k++) {
      boolean isInput = k < sg.inputs().length();
      int t = isInput ? sg.inputs().get(k) : sg.outputs().get(k - sg.inputs().length());
      Tensor tensor = ctx.tensor(t);
      if (tensor == null || Ops.is8Bit(tensor.type())) {
        continue;
      }
      out.add(
          ctx.finding(this)
              .tensor(t)
              .message(
                  "model "
                      + (isInput ? "input" : "output")
                      + " is "
                      + tensor.type()
                      + " (UINT8 or INT8 expected); its "
                      + (isInput ? "QUANTIZE" : "DEQUANTIZE")
                      + " runs on the CPU")
              .hint(
                  "Convert with inference_input_type/inference_output_type = tf.uint8 (or"
                      + " tf.int8 for Edge TPU runtime 12+)")
              .build());
    }
    return out;
  }
}
