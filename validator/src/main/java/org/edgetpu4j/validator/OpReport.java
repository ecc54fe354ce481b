package org.edgetpu4j.validator;

import java.util.List;

/**
 * One operator of subgraph 0 as the report shows it.
 *
 * @param index position in execution order
 * @param opcode builtin name, or {@code CUSTOM:<name>}
 * @param version the stored operator-code version
 * @param requiredVersion the version the converter would assign for its signature, 0 for custom
 * @param versionReason why the converter would assign {@code requiredVersion}
 * @param minRuntime the oldest TFLite runtime that runs this version; {@code >X} when newer than
 *     every release the tables know, empty for custom operators
 * @param edgetpuStatus the predicted Edge TPU compiler status
 * @param reason our specific reason when not mapped, empty when mapped
 * @param inputs input tensor indices (-1 for absent optional inputs)
 * @param outputs output tensor indices
 */
public record OpReport(
    int index,
    String opcode,
    int version,
    int requiredVersion,
    String versionReason,
    String minRuntime,
    EdgeTpuStatus edgetpuStatus,
    String reason,
    List<Integer> inputs,
    List<Integer> outputs) {

  /** Copies the lists. */
  public OpReport {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** True when predicted to run on the Edge TPU. */
  public boolean onEdgeTpu() {
    return edgetpuStatus.isMapped();
  }
}
