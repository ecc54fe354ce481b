package org.edgetpu4j.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.rules.Rule;
import org.edgetpu4j.validator.rules.RuleContext;
import org.edgetpu4j.validator.rules.Rules;
import org.edgetpu4j.validator.tables.OpRuntimeTable;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import org.edgetpu4j.validator.versioning.RequiredVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator's front door: checks a model against a TFLite runtime and the Edge TPU and returns
 * a {@link Report}.
 *
 * <pre>{@code
 * Model model = TfliteReader.read(Path.of("model.tflite"));
 * Report report = Validator.check(model, Target.DEFAULT.withRuntime(RuntimeVersion.parse("1.14.0")));
 * System.out.println(TextReport.render(report));
 * }</pre>
 */
public final class Validator {
  private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

  private Validator() {}

  /** Checks {@code model} against {@code target} with every rule. */
  public static Report check(Model model, Target target) {
    return check(model, target, "model");
  }

  /** Checks {@code model} against {@code target}; {@code name} labels the report. */
  public static Report check(Model model, Target target, String name) {
    return check(model, target, name, Rules.all());
  }

  /** Checks {@code model} against {@code target} with the given rules only. */
  public static Report check(Model model, Target target, String name, List<Rule> rules) {
    RuleContext ctx = new RuleContext(model, target);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : rules) {
      List<Finding> found = rule.check(ctx);
      LOG.debug("{}: {} finding(s)", rule.id(), found.size());
      findings.addAll(found);
    }
    findings = distinct(CompiledModel.adjust(ctx, findings));
    MappingPredictor.Result mapping = MappingPredictor.predict(ctx, findings);
    List<OpReport> ops = new ArrayList<>();
    for (int i = 0; i < ctx.opCount(); i++) {
      Operator op = ctx.op(i);
      OperatorCode code = model.opcode(op);
      Optional<RequiredVersion> req = ctx.required(i);
      ops.add(
          new OpReport(
              i,
              code.displayName(),
              code.version(),
              req.map(RequiredVersion::version).orElse(0),
              req.map(RequiredVersion::reason).orElse(""),
              code.isCustom() ? "" : minRuntime(code),
              mapping.status().get(i),
              mapping.reason().get(i),
              boxed(op.inputs().toArray()),
              boxed(op.outputs().toArray())));
    }
    boolean loads = findings.stream().noneMatch(f -> f.ruleId().equals("OP_VERSION_TOO_NEW"));
    return Report.of(
        ctx,
        name,
        modelMinRuntime(model),
        loads,
        ctx.hasMain() && CompiledModel.isCompiled(ctx),
        CompiledModel.packages(ctx),
        mapping.prediction(),
        ops,
        FindingFolding.fold(findings));
  }

  /**
   * One finding per cause: repeated findings (same rule, operator, tensor and message) are dropped.
   */
  static List<Finding> distinct(List<Finding> findings) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      String key =
          f.ruleId()
              + "|"
              + f.subgraph()
              + "/"
              + f.opIndex()
              + "/"
              + f.tensorIndex()
              + "|"
              + f.message();
      if (seen.add(key)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The oldest runtime for one operator code, {@code >X} when newer than the table. */
  static String minRuntime(OperatorCode code) {
    OpRuntimeTable table = OpRuntimeTable.get();
    return table
        .minRuntime(code.op(), code.version())
        .map(RuntimeVersion::toString)
        .orElse(">" + table.newestKnown());
  }

  /** The oldest runtime for the whole model: the newest of its operators' minimum runtimes. */
  static String modelMinRuntime(Model model) {
    OpRuntimeTable table = OpRuntimeTable.get();
    RuntimeVersion max = null;
    boolean unknown = false;
    for (var sg : model.subgraphs()) {
      for (Operator op : sg.operators()) {
        OperatorCode code = model.opcode(op);
        if (code.isCustom()) {
          continue;
        }
        Optional<RuntimeVersion> v = table.minRuntime(code.op(), code.version());
        if (v.isEmpty()) {
          unknown = true;
        } else if (max == null || max.isOlderThan(v.get())) {
          max = v.get();
        }
      }
    }
    if (unknown) {
      return ">" + table.newestKnown();
    }
    return max == null ? "" : max.toString();
  }

  private static List<Integer> boxed(int[] values) {
    List<Integer> out = new ArrayList<>(values.length);
    for (int v : values) {
      out.add(v);
    }
    return out;
  }
}
