package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * The bias of a quantized convolution or fully-connected operator must be INT32 with zero point 0
 * and scale = input scale x weight scale (per channel), which the integer kernels rely on.
 */
@ValidationRule(
    id = "BIAS_QUANTIZATION",
    severity = Severity.ERROR,
    summary =
        "A quantized bias is not INT32, has a nonzero zero point, or its scale is not input scale x weight scale.")
public final class BiasQuantization implements Rule {
  /** Relative tolerance of the scale comparison; scales are float32. */
  static final double TOLERANCE = 1e-4;

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (!Ops.hasWeights(code)) {
        continue;
      }
      Tensor in = ctx.tensor(ctx.op(i).input(Ops.activationSlot(code)));
      Tensor w = ctx.tensor(ctx.op(i).input(Ops.weightSlot(code)));
      int b = ctx.op(i).input(Ops.biasSlot(code));
      Tensor bias = ctx.tensor(b);
      if (in == null
          || w == null
          || bias == null
          || !Ops.is8Bit(in.type())
          || !in.quantization().isQuantized()
          || !w.quantization().isQuantized()) {
        continue;
      }
      String problem = problem(in, w, bias);
      if (problem != null) {
        out.add(
            ctx.finding(this, i)
                .tensor(b)
                .message("bias " + problem)
                .hint(
                    "Let the converter quantize the bias: INT32, zero point 0, scale = input"
                        + " scale x weight scale")
                .build());
      }
    }
    return out;
  }

  private static String problem(Tensor in, Tensor w, Tensor bias) {
    if (bias.type() != TensorType.INT32) {
      return "type is " + bias.type() + ", expected INT32";
    }
    var q = bias.quantization();
    if (!q.isQuantized()) {
      return "has no quantization parameters, expected scale input x weight";
    }
    for (int c = 0; c < q.zeroPoint().length(); c++) {
      if (q.zeroPoint().get(c) != 0) {
        return "zero point is " + q.zeroPoint().get(c) + ", expected 0";
      }
    }
    float inScale = in.quantization().scale().get(0);
    var ws = w.quantization().scale();
    if (q.scale().length() != ws.length() && q.scale().length() != 1) {
      return "has " + q.scale().length() + " scales but the weights have " + ws.length();
    }
    for (int c = 0; c < q.scale().length(); c++) {
      double expected = (double) inScale * ws.get(Math.min(c, ws.length() - 1));
      double actual = q.scale().get(c);
      if (Math.abs(actual - expected) > TOLERANCE * Math.max(Math.abs(expected), 1e-30)) {
        return "scale["
            + c
            + "] is "
            + actual
            + ", expected input scale x weight scale = "
            + (float) expected
            + " (bias scale != input scale x weight scale)";
      }
    }
    return null;
  }
}
