package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.OpRuntimeTable;
import org.edgetpu4j.validator.tables.RuntimeReleases;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import org.edgetpu4j.validator.versioning.OpVersions;
import org.edgetpu4j.validator.versioning.RequiredVersion;

/**
 * An operator version the target TFLite runtime does not register: loading fails with "Didn't find
 * op for builtin opcode 'X' version 'N'".
 */
@ValidationRule(
    id = "OP_VERSION_TOO_NEW",
    severity = Severity.ERROR,
    summary = "An operator version is newer than the target TFLite runtime supports.")
public final class OpVersionTooNew implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    Optional<RuntimeVersion> target = ctx.target().runtime();
    if (target.isEmpty()) {
      return out;
    }
    RuntimeVersion runtime = target.get();
    OpRuntimeTable table = OpRuntimeTable.get();
    Model model = ctx.model();
    for (int s = 0; s < model.subgraphs().size(); s++) {
      Subgraph sg = model.subgraphs().get(s);
      for (int i = 0; i < sg.operators().size(); i++) {
        Operator op = sg.operators().get(i);
        OperatorCode code = model.opcode(op);
        if (code.isCustom()) {
          continue;
        }
        Optional<RuntimeVersion> min = table.minRuntime(code.op(), code.version());
        Optional<Integer> registered = RuntimeReleases.get().maxVersion(code.op(), runtime);
        boolean tooNew;
        String first;
        if (registered.isPresent()) {
          tooNew = code.version() > registered.get();
          first =
              min.map(RuntimeVersion::toString)
                  .orElse("a runtime newer than " + table.newestKnown());
        } else if (min.isPresent()) {
          tooNew = runtime.isOlderThan(min.get());
          first = min.get().toString();
        } else {
          tooNew = runtime.isOlderThan(table.newestKnown());
          first = "a runtime newer than " + table.newestKnown();
        }
        if (!tooNew) {
          continue;
        }
        String why =
            OpVersions.required(model, sg, op)
                .filter(r -> r.version() == code.version())
                .map(RequiredVersion::reason)
                .map(r -> " (the converter chose v" + code.version() + " because " + r + ")")
                .orElse("");
        String reg =
            registered
                .map(
                    v ->
                        v == 0
                            ? "does not have " + code.op()
                            : "registers " + code.op() + " up to v" + v)
                .orElse("predates it");
        out.add(
            ctx.finding(this)
                .subgraph(s, i, code.displayName())
                .message(
                    code.op()
                        + " v"
                        + code.version()
                        + why
                        + " needs TFLite runtime "
                        + first
                        + "; target runtime "
                        + runtime
                        + " "
                        + reg)
                .hint(
                    "Update the runtime to "
                        + first
                        + " or newer, or convert so the operator stays at a version "
                        + runtime
                        + " knows (for int8 ops on a TF 1.13 runtime: legacy uint8 quantization)")
                .build());
      }
    }
    return out;
  }
}
