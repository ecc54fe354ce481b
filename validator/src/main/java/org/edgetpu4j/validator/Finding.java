package org.edgetpu4j.validator;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a rule found, located in TFLite analyzer vocabulary ({@code Op#3 CONV_2D}, {@code T#7
 * 'name'}).
 *
 * @param ruleId the rule's id; its page is {@code docs/rules/<ruleId>.md}
 * @param severity how much it matters
 * @param subgraph the subgraph index
 * @param opIndex the operator index in execution order, -1 when the finding is about the model
 * @param opCode the operator's display name, empty when {@code opIndex} is -1
 * @param tensorIndex the tensor index, -1 when no single tensor is at fault
 * @param tensorName the tensor's name, empty when {@code tensorIndex} is -1
 * @param message what is wrong, with the value found and the value expected
 * @param hint what to change
 * @param edgetpuStatus when present, the finding keeps the operator (or, with {@code opIndex} -1,
 *     the whole model) off the Edge TPU with this compiler status
 */
public record Finding(
    String ruleId,
    Severity severity,
    int subgraph,
    int opIndex,
    String opCode,
    int tensorIndex,
    String tensorName,
    String message,
    String hint,
    Optional<EdgeTpuStatus> edgetpuStatus) {

  /** Checks that no component is null. */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(opCode, "opCode");
    Objects.requireNonNull(tensorName, "tensorName");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(edgetpuStatus, "edgetpuStatus");
  }

  /** Where the finding is, e.g. {@code Op#3 CONV_2D T#7 'conv/weights'}, or {@code model}. */
  public String location() {
    StringBuilder sb = new StringBuilder();
    if (subgraph != 0) {
      sb.append("Subgraph#").append(subgraph).append(' ');
    }
    if (opIndex >= 0) {
      sb.append("Op#").append(opIndex).append(' ').append(opCode);
    }
    if (tensorIndex >= 0) {
      sb.append(sb.length() > 0 ? " " : "").append("T#").append(tensorIndex);
      if (!tensorName.isEmpty()) {
        sb.append(" '").append(tensorName).append('\'');
      }
    }
    return sb.length() == 0 ? "model" : sb.toString();
  }

  /** The same finding at the same place with another severity, message and Edge TPU status. */
  public Finding with(Severity severity, String message, Optional<EdgeTpuStatus> edgetpuStatus) {
    return new Finding(
        ruleId,
        severity,
        subgraph,
        opIndex,
        opCode,
        tensorIndex,
        tensorName,
        message,
        hint,
        edgetpuStatus);
  }

  /** The documentation page of the rule, relative to the repository root. */
  public String docPage() {
    return "docs/rules/" + ruleId + ".md";
  }

  /** True when the finding keeps something off the Edge TPU. */
  public boolean blocksEdgeTpu() {
    return edgetpuStatus.isPresent();
  }
}
