package org.edgetpu4j.device.coral.pkg;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.Subgraph;

/** The Edge TPU packages of a compiled TFLite model, one per {@code edgetpu-custom-op}. */
public final class CompiledModel {
  private CompiledModel() {}

  /**
   * One Edge TPU operator.
   *
   * @param subgraph subgraph index
   * @param operator operator index in the subgraph
   * @param pkg its decoded package
   */
  public record EdgeTpuOp(int subgraph, int operator, EdgeTpuPackage pkg) {}

  /** True when {@code code} is the Edge TPU custom operator. */
  public static boolean isEdgeTpuOp(OperatorCode code) {
    return code.customCode().filter(PackageReader.CUSTOM_OP::equals).isPresent();
  }

  /** Decodes every Edge TPU operator of {@code model}, in subgraph and operator order. */
  public static List<EdgeTpuOp> edgeTpuOps(Model model) {
    List<EdgeTpuOp> out = new ArrayList<>();
    for (int s = 0; s < model.subgraphs().size(); s++) {
      Subgraph g = model.subgraphs().get(s);
      for (int i = 0; i < g.operators().size(); i++) {
        Operator op = g.operators().get(i);
        int idx = op.opcodeIndex();
        if (idx < 0 || idx >= model.operatorCodes().size()) {
          continue;
        }
        if (isEdgeTpuOp(model.operatorCodes().get(idx))) {
          try {
            out.add(
                new EdgeTpuOp(s, i, PackageReader.fromCustomOptions(op.customOptions().toArray())));
          } catch (PackageFormatException e) {
            throw new PackageFormatException(
                "subgraph " + s + " operator " + i + ": " + e.getMessage());
          }
        }
      }
    }
    return out;
  }

  /** All packages of {@code model}. */
  public static List<EdgeTpuPackage> packages(Model model) {
    return edgeTpuOps(model).stream().map(EdgeTpuOp::pkg).toList();
  }
}
