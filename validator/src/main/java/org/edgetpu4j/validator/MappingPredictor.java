package org.edgetpu4j.validator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * Predicts the Edge TPU compiler's result from the findings: an operator with a blocking finding
 * stays on the CPU with that finding's status; {@link PartitionSearch} decides which of the others
 * form the single Edge TPU partition; {@link ParameterMemory} lays out its parameters. A
 * model-level blocking finding means the compiler refuses the model.
 */
final class MappingPredictor {
  private MappingPredictor() {}

  /** Per-operator statuses with reasons, and the summary. */
  record Result(List<EdgeTpuStatus> status, List<String> reason, EdgeTpuPrediction prediction) {}

  static Result predict(RuleContext ctx, List<Finding> findings) {
    int n = ctx.opCount();
    List<EdgeTpuStatus> status = new ArrayList<>();
    List<String> reason = new ArrayList<>();
    List<Integer> unmappable = new ArrayList<>();
    BitSet blocked = new BitSet(n);
    for (int i = 0; i < n; i++) {
      Finding block = firstBlock(findings, i);
      if (block != null) {
        status.add(block.edgetpuStatus().orElseThrow());
        reason.add(block.message());
        unmappable.add(i);
        blocked.set(i);
      } else {
        status.add(EdgeTpuStatus.MAPPED);
        reason.add("");
      }
    }
    List<String> compileErrors = new ArrayList<>();
    for (Finding f : findings) {
      if (f.opIndex() < 0 && f.subgraph() == 0 && f.blocksEdgeTpu()) {
        compileErrors.add(f.message());
      }
    }
    int cut = -1;
    if (!compileErrors.isEmpty()) {
      for (int i = 0; i < n; i++) {
        if (status.get(i).isMapped()) {
          status.set(i, EdgeTpuStatus.MODEL_NOT_COMPILED);
          reason.set(i, compileErrors.get(0));
        }
      }
    } else {
      PartitionSearch.Partition p = PartitionSearch.search(ctx, blocked);
      int firstMapped = p.onTpu().nextSetBit(0);
      for (int i = 0; i < n; i++) {
        if (blocked.get(i) || p.onTpu().get(i)) {
          continue;
        }
        status.set(i, EdgeTpuStatus.MORE_THAN_ONE_SUBGRAPH);
        if (p.prologue().get(i)) {
          reason.set(
              i,
              "before the Edge TPU partition (Op#"
                  + firstMapped
                  + " "
                  + ctx.opName(Math.max(firstMapped, 0))
                  + " on): maps more operations with it on the CPU");
        } else {
          int by = p.cutBy()[i];
          reason.set(
              i,
              "depends on Op#"
                  + by
                  + " "
                  + ctx.opName(by)
                  + ", which cannot be mapped (one Edge TPU partition only)");
        }
      }
    }
    for (int i = blocked.nextSetBit(0); i >= 0 && cut < 0; i = blocked.nextSetBit(i + 1)) {
      cut = isEdgeConversion(ctx, i) ? -1 : i;
    }
    int onTpu = (int) status.stream().filter(EdgeTpuStatus::isMapped).count();
    EdgeTpuPrediction.Mapping mapping =
        onTpu == 0 || !compileErrors.isEmpty()
            ? EdgeTpuPrediction.Mapping.NONE
            : onTpu == n ? EdgeTpuPrediction.Mapping.FULL : EdgeTpuPrediction.Mapping.PARTIAL;
    BitSet mapped = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (status.get(i).isMapped()) {
        mapped.set(i);
      }
    }
    EdgeTpuPrediction prediction =
        new EdgeTpuPrediction(
            compileErrors.isEmpty(),
            compileErrors,
            mapping,
            cut,
            unmappable,
            onTpu,
            n - onTpu,
            ctx.hasMain() && compileErrors.isEmpty() ? ParameterMemory.of(ctx, mapped) : 0);
    return new Result(status, reason, prediction);
  }

  private static Finding firstBlock(List<Finding> findings, int op) {
    for (Finding f : findings) {
      if (f.subgraph() == 0 && f.opIndex() == op && f.blocksEdgeTpu()) {
        return f;
      }
    }
    return null;
  }

  /** A float conversion at the graph's edge, which the compiler leaves on the CPU. */
  static boolean isEdgeConversion(RuleContext ctx, int i) {
    BuiltinOp code = ctx.code(i);
    if (code != BuiltinOp.QUANTIZE && code != BuiltinOp.DEQUANTIZE) {
      return false;
    }
    Operator op = ctx.op(i);
    boolean readsModelInput = true;
    for (int k = 0; k < op.inputs().length(); k++) {
      int t = op.inputs().get(k);
      Tensor tensor = ctx.tensor(t);
      if (tensor != null && !ctx.isConstant(tensor) && !ctx.isGraphInput(t)) {
        readsModelInput = false;
      }
    }
    boolean writesModelOutput = true;
    for (int k = 0; k < op.outputs().length(); k++) {
      if (!ctx.isGraphOutput(op.outputs().get(k))) {
        writesModelOutput = false;
      }
    }
    return (code == BuiltinOp.QUANTIZE && readsModelInput) || writesModelOutput;
  }
}
