package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * An operator whose output shape comes from a tensor computed at run time (a RESHAPE fed by
 * SHAPE/STRIDED_SLICE/PACK, a RESIZE with a computed size, ...). The TFLite interpreter cannot size
 * the output when it prepares the model and marks it dynamic; the Edge TPU compiler, which prepares
 * the model with TFLite first, then fails ("Attempting to use a delegate that only supports
 * static-sized tensors with a graph that has dynamic-sized tensors", "Model failed in Tflite
 * interpreter"), so nothing is compiled.
 */
@ValidationRule(
    id = "RUNTIME_SHAPE_INPUT",
    severity = Severity.ERROR,
    summary = "An operator's output shape depends on a tensor computed at run time.")
public final class RuntimeShapeInput implements Rule {
  /** Input slots that decide the output shape, per operator. */
  static final Map<BuiltinOp, int[]> SHAPE_SLOTS =
      Map.ofEntries(
          Map.entry(BuiltinOp.RESHAPE, new int[] {1}),
          Map.entry(BuiltinOp.RESIZE_BILINEAR, new int[] {1}),
          Map.entry(BuiltinOp.RESIZE_NEAREST_NEIGHBOR, new int[] {1}),
          Map.entry(BuiltinOp.PAD, new int[] {1}),
          Map.entry(BuiltinOp.PADV2, new int[] {1}),
          Map.entry(BuiltinOp.MIRROR_PAD, new int[] {1}),
          Map.entry(BuiltinOp.TILE, new int[] {1}),
          Map.entry(BuiltinOp.BROADCAST_TO, new int[] {1}),
          Map.entry(BuiltinOp.SLICE, new int[] {1, 2}),
          Map.entry(BuiltinOp.STRIDED_SLICE, new int[] {1, 2, 3}),
          Map.entry(BuiltinOp.FILL, new int[] {0}),
          Map.entry(BuiltinOp.EXPAND_DIMS, new int[] {1}),
          Map.entry(BuiltinOp.TRANSPOSE, new int[] {1}),
          Map.entry(BuiltinOp.MEAN, new int[] {1}),
          Map.entry(BuiltinOp.SUM, new int[] {1}),
          Map.entry(BuiltinOp.REDUCE_MAX, new int[] {1}),
          Map.entry(BuiltinOp.REDUCE_MIN, new int[] {1}),
          Map.entry(BuiltinOp.REDUCE_PROD, new int[] {1}),
          Map.entry(BuiltinOp.SPLIT, new int[] {0}),
          Map.entry(BuiltinOp.SPLIT_V, new int[] {1, 2}),
          Map.entry(BuiltinOp.TRANSPOSE_CONV, new int[] {0}));

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      int[] slots = SHAPE_SLOTS.get(ctx.code(i));
      if (slots == null) {
        continue;
      }
      for (int slot : slots) {
        int t = ctx.op(i).input(slot);
        Tensor tensor = ctx.tensor(t);
        if (tensor != null && !ctx.isConstant(tensor)) {
          out.add(
              ctx.finding(this, i)
                  .tensor(t)
                  .message(
                      ctx.opName(i)
                          + " takes its output shape from a tensor computed at run"
                          + " time, so TFLite marks its output dynamic and the Edge TPU compiler fails"
                          + " ('only supports static-sized tensors')")
                  .hint(
                      "Make the shape constant: fix the batch size before conversion, or"
                          + " reshape with a constant shape")
                  .blocks(EdgeTpuStatus.UNSPECIFIED_LIMITATION)
                  .build());
          break;
        }
      }
    }
    if (!out.isEmpty()) {
      out.add(
          ctx.finding(this)
              .message(
                  "the model computes tensor shapes at run time (Op#"
                      + out.get(0).opIndex()
                      + " "
                      + out.get(0).opCode()
                      + "); the Edge TPU compiler fails on dynamic-sized"
                      + " tensors and compiles nothing")
              .hint("Convert with fixed shapes (batch 1) so the converter emits constant shapes")
              .blocks(EdgeTpuStatus.MODEL_NOT_COMPILED)
              .build());
    }
    return out;
  }
}
