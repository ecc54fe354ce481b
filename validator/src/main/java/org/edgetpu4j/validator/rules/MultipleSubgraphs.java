package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A model with several subgraphs (control flow bodies). Only subgraph 0 is checked for Edge TPU
 * mapping; the control-flow operators themselves run on the CPU.
 */
@ValidationRule(
    id = "MULTIPLE_SUBGRAPHS",
    severity = Severity.WARNING,
    summary = "The model has more than one subgraph (control flow).")
public final class MultipleSubgraphs implements Rule {

  @Override
  public List<Finding> check(RuleContext ctx) {
    List<Finding> out = new ArrayList<>();
    int n = ctx.model().subgraphs().size();
    if (n > 1) {
      out.add(
          ctx.finding(this)
              .message(
                  "the model has "
                      + n
                      + " subgraphs; control-flow operators (WHILE, IF,"
                      + " CALL_ONCE) and their bodies run on the CPU")
              .hint(
                  "Unroll loops and conditionals before conversion if they must run on the"
                      + " Edge TPU")
              .build());
    }
    if (n == 0) {
      out.add(
          ctx.finding(this)
              .message("the model has no subgraph, so it has nothing to run")
              .hint("Re-convert the model")
              .build());
    }
    return out;
  }
}
