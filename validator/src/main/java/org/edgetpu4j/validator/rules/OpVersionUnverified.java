package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.OpRuntimeTable;
import org.edgetpu4j.validator.tables.RuntimeVersion;

/** An (operator, version) pair newer than every runtime release the tables know. */
@ValidationRule(
    id = "OP_VERSION_UNVERIFIED",
    severity = Severity.WARNING,
    summary =
        "An operator version is newer than the runtime tables, so its minimum runtime is unknown.")
public final class OpVersionUnverified implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    OpRuntimeTable table = OpRuntimeTable.get();
    RuntimeVersion newest = table.newestKnown();
    if (ctx.target().runtime().map(r -> r.isOlderThan(newest)).orElse(false)) {
      return out; // OP_VERSION_TOO_NEW reports these as errors
    }
    Model model = ctx.model();
    List<OperatorCode> seen = new ArrayList<>();
    for (int s = 0; s < model.subgraphs().size(); s++) {
      var ops = model.subgraphs().get(s).operators();
      for (int i = 0; i < ops.size(); i++) {
        OperatorCode code = model.opcode(ops.get(i));
        if (code.isCustom()
            || seen.contains(code)
            || table.minRuntime(code.op(), code.version()).isPresent()) {
          continue;
        }
        seen.add(code);
        out.add(
            ctx.finding(this)
                .subgraph(s, i, code.displayName())
                .message(
                    code.op()
                        + " v"
                        + code.version()
                        + " is not in the minimum-runtime table (it "
                        + "knows releases up to "
                        + newest
                        + "); it needs a runtime newer than "
                        + newest)
                .hint(
                    "Check that the runtime on the device registers "
                        + code.op()
                        + " v"
                        + code.version())
                .build());
      }
    }
    return out;
  }
}
