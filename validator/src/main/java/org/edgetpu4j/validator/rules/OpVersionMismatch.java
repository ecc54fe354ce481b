package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;
import org.edgetpu4j.validator.tables.OpRuntimeTable;
import org.edgetpu4j.validator.versioning.RequiredVersion;

/**
 * The stored version of an operator code differs from the version the converter would assign. All
 * operators of one builtin share one code, whose version is the highest any of them needs. A lower
 * stored version lets a runtime pick a kernel version that does not handle the operator (a sign of
 * a hand-edited model or a foreign tool); a higher one demands a newer runtime than the model
 * needs.
 */
@ValidationRule(
    id = "OP_VERSION_MISMATCH",
    severity = Severity.WARNING,
    summary =
        "The stored operator version differs from the version the operator's signature requires.")
public final class OpVersionMismatch implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    Map<Integer, Integer> deciding = new LinkedHashMap<>(); // opcode index -> op needing the most
    for (int i = 0; i < ctx.opCount(); i++) {
      if (ctx.required(i).isEmpty()) {
        continue;
      }
      int code = ctx.op(i).opcodeIndex();
      Integer best = deciding.get(code);
      if (best == null || ctx.required(i).get().version() > ctx.required(best).get().version()) {
        deciding.put(code, i);
      }
    }
    for (int i : deciding.values()) {
      OperatorCode code = ctx.model().opcode(ctx.op(i));
      RequiredVersion r = ctx.required(i).get();
      if (code.version() < r.version()) {
        out.add(
            ctx.finding(this, i)
                .message(
                    code.op()
                        + " is stored as v"
                        + code.version()
                        + " but needs v"
                        + r.version()
                        + " because "
                        + r.reason())
                .hint(
                    "Set the operator-code version to "
                        + r.version()
                        + " (the TFLite converter does this itself)")
                .build());
      } else if (code.version() > r.version()) {
        OpRuntimeTable t = OpRuntimeTable.get();
        out.add(
            ctx.finding(this, i)
                .message(
                    code.op()
                        + " is stored as v"
                        + code.version()
                        + " but its operators need only v"
                        + r.version()
                        + " ("
                        + r.reason()
                        + "); v"
                        + code.version()
                        + " needs runtime "
                        + t.minRuntime(code.op(), code.version())
                            .map(Object::toString)
                            .orElse("newer than " + t.newestKnown())
                        + ", v"
                        + r.version()
                        + " "
                        + t.minRuntime(code.op(), r.version()).map(Object::toString).orElse("?"))
                .hint(
                    "Lower the operator-code version to "
                        + r.version()
                        + " to run on older runtimes")
                .build());
      }
    }
    return out;
  }
}
