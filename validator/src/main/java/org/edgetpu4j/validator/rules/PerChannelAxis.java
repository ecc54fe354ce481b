package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * Per-channel weight scales along the wrong dimension, or a count that does not match that
 * dimension. CONV_2D and TRANSPOSE_CONV weights run along dimension 0 (output channels),
 * DEPTHWISE_CONV_2D along 3.
 */
@ValidationRule(
    id = "PER_CHANNEL_AXIS",
    severity = Severity.ERROR,
    summary = "Per-channel weight quantization uses the wrong axis or the wrong number of scales.")
public final class PerChannelAxis implements Rule {

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
      if (weights == null || !weights.quantization().isPerChannel()) {
        continue;
      }
      QuantParams q = weights.quantization();
      int axis = Ops.channelAxis(code);
      String problem = null;
      if (code == BuiltinOp.FULLY_CONNECTED) {
        axis = 0;
      }
      if (q.quantizedDimension() != axis) {
        problem = "quantized_dimension is " + q.quantizedDimension() + ", expected " + axis;
      } else if (axis < weights.rank() && q.scale().length() != weights.shape().get(axis)) {
        problem =
            q.scale().length()
                + " scales for "
                + weights.shape().get(axis)
                + " channels along dimension "
                + axis;
      }
      if (problem != null) {
        out.add(
            ctx.finding(this, i)
                .tensor(w)
                .message(code + " weights " + Ops.shape(weights) + ": " + problem)
                .hint("Per-channel scales must run along the output channels")
                .build());
      }
    }
    return out;
  }
}
