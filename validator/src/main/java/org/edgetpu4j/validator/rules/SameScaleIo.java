package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * Operators that move values without arithmetic (pooling, reshapes, concatenation, padding,
 * slicing, ...) should keep input and output quantization equal; the INT8 kernels assume it.
 */
@ValidationRule(
    id = "SAME_SCALE_IO",
    severity = Severity.WARNING,
    summary =
        "An operator that should keep its input quantization has different output parameters.")
public final class SameScaleIo implements Rule {
  static final Set<BuiltinOp> SAME_SCALE =
      EnumSet.of(
          BuiltinOp.AVERAGE_POOL_2D,
          BuiltinOp.MAX_POOL_2D,
          BuiltinOp.CONCATENATION,
          BuiltinOp.RESHAPE,
          BuiltinOp.RESIZE_BILINEAR,
          BuiltinOp.RESIZE_NEAREST_NEIGHBOR,
          BuiltinOp.SPACE_TO_DEPTH,
          BuiltinOp.DEPTH_TO_SPACE,
          BuiltinOp.BATCH_TO_SPACE_ND,
          BuiltinOp.SPACE_TO_BATCH_ND,
          BuiltinOp.PAD,
          BuiltinOp.PADV2,
          BuiltinOp.MIRROR_PAD,
          BuiltinOp.GATHER,
          BuiltinOp.TRANSPOSE,
          BuiltinOp.SQUEEZE,
          BuiltinOp.EXPAND_DIMS,
          BuiltinOp.SLICE,
          BuiltinOp.STRIDED_SLICE,
          BuiltinOp.SPLIT,
          BuiltinOp.SPLIT_V,
          BuiltinOp.PACK,
          BuiltinOp.UNPACK,
          BuiltinOp.TILE,
          BuiltinOp.MAXIMUM,
          BuiltinOp.MINIMUM,
          BuiltinOp.REDUCE_MAX,
          BuiltinOp.REDUCE_MIN);

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      BuiltinOp code = ctx.code(i);
      if (!SAME_SCALE.contains(code)) {
        continue;
      }
      int dataSlot = code == BuiltinOp.SPLIT ? 1 : 0;
      Tensor in = ctx.tensor(ctx.op(i).input(dataSlot));
      if (in == null || !Ops.is8Bit(in.type()) || !in.quantization().isQuantized()) {
        continue;
      }
      List<Integer> others = new ArrayList<>();
      if (code == BuiltinOp.CONCATENATION
          || code == BuiltinOp.PACK
          || code == BuiltinOp.MAXIMUM
          || code == BuiltinOp.MINIMUM) {
        for (int k = 1; k < ctx.op(i).inputs().length(); k++) {
          others.add(ctx.op(i).inputs().get(k));
        }
      }
      for (int k = 0; k < ctx.op(i).outputs().length(); k++) {
        others.add(ctx.op(i).outputs().get(k));
      }
      for (int t : others) {
        Tensor o = ctx.tensor(t);
        if (o == null || !o.quantization().isQuantized() || o.type() != in.type()) {
          continue;
        }
        if (!same(in.quantization(), o.quantization())) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      code
                          + " input has (scale "
                          + in.quantization().scale().get(0)
                          + ", zero point "
                          + in.quantization().zeroPoint().get(0)
                          + ") but this"
                          + " tensor has ("
                          + o.quantization().scale().get(0)
                          + ", "
                          + o.quantization().zeroPoint().get(0)
                          + "); they should be equal")
                  .hint("Share one range (FakeQuant) across the inputs and output of " + code)
                  .build());
          break;
        }
      }
    }
    return out;
  }

  private static boolean same(QuantParams a, QuantParams b) {
    float sa = a.scale().get(0);
    float sb = b.scale().get(0);
    long za = a.zeroPoint().length() > 0 ? a.zeroPoint().get(0) : 0;
    long zb = b.zeroPoint().length() > 0 ? b.zeroPoint().get(0) : 0;
    return za == zb && Math.abs(sa - sb) <= 1e-6 * Math.max(sa, sb);
  }
}
