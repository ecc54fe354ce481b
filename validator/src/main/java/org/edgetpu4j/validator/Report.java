package org.edgetpu4j.validator;

import java.util.List;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * The outcome of checking a model: per-operator table, Edge TPU prediction and findings. Text, JSON
 * and HTML reports are renderings of this value.
 *
 * @param modelName the model's file name, or a label the caller chose
 * @param target what the model was checked against
 * @param minRuntimeVersion oldest TFLite runtime that can load the model, recomputed from its
 *     operator versions ({@code >X} when some operator is newer than every known release)
 * @param declaredMinRuntimeVersion the converter's {@code min_runtime_version} metadata, empty if
 *     absent
 * @param loadsOnTarget true when no operator version is too new for the target TFLite runtime
 * @param compiled true when the model is already compiled for the Edge TPU (has an {@code
 *     edgetpu-custom-op}); its CPU operators are then the model's design
 * @param packages the decoded Edge TPU packages of a compiled model (empty otherwise)
 * @param edgetpu the Edge TPU prediction
 * @param ops subgraph 0's operators
 * @param findings every finding, in rule order
 */
public record Report(
    String modelName,
    Target target,
    String minRuntimeVersion,
    String declaredMinRuntimeVersion,
    boolean loadsOnTarget,
    boolean compiled,
    List<org.edgetpu4j.validator.edgetpu.EdgeTpuPackage> packages,
    EdgeTpuPrediction edgetpu,
    List<OpReport> ops,
    List<Finding> findings) {

  /** Version of the JSON layout. */
  public static final int SCHEMA_VERSION = 1;

  /** Copies the lists. */
  public Report {
    packages = List.copyOf(packages);
    ops = List.copyOf(ops);
    findings = List.copyOf(findings);
  }

  /**
   * True when the whole model is predicted to map onto the Edge TPU; for a compiled model, when its
   * package is readable and accepted by the target Edge TPU runtime.
   */
  public boolean edgetpuCompatible() {
    if (compiled) {
      return !findings("EDGETPU_PACKAGE").isEmpty()
          && findings("EDGETPU_PACKAGE_RUNTIME").stream()
              .noneMatch(f -> f.severity() == Severity.ERROR);
    }
    return edgetpu.compiles() && edgetpu.mapping() == EdgeTpuPrediction.Mapping.FULL;
  }

  /** Findings of severity ERROR. */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** True when the model loads on the target runtime, maps fully and has no error finding. */
  public boolean passes() {
    return loadsOnTarget && edgetpuCompatible() && errors().isEmpty();
  }

  /** Findings of rule {@code ruleId}. */
  public List<Finding> findings(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  /** Used by {@link Validator} only; keeps the context type out of the public record API. */
  static Report of(
      RuleContext ctx,
      String name,
      String minRuntime,
      boolean loads,
      boolean compiled,
      List<org.edgetpu4j.validator.edgetpu.EdgeTpuPackage> packages,
      EdgeTpuPrediction prediction,
      List<OpReport> ops,
      List<Finding> findings) {
    return new Report(
        name,
        ctx.target(),
        minRuntime,
        ctx.model().minRuntimeVersion().orElse(""),
        loads,
        compiled,
        packages,
        prediction,
        ops,
        findings);
  }
}
