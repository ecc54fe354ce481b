package org.edgetpu4j.validator.rules;

import java.util.List;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Severity;

/**
 * A check of a model, one class per rule, annotated with {@link ValidationRule}. A rule returns its
 * findings as values; an empty list means the model passes it.
 */
public interface Rule {

  /** Checks the model in {@code ctx}. */
  List<Finding> check(RuleContext ctx);

  /** The rule's metadata. */
  default ValidationRule info() {
    ValidationRule info = getClass().getAnnotation(ValidationRule.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " lacks @ValidationRule");
    }
    return info;
  }

  /** The rule's id. */
  default String id() {
    return info().id();
  }

  /** The severity of its findings. */
  default Severity severity() {
    return info().severity();
  }

  /** What the rule checks. */
  default String summary() {
    return info().summary();
  }
}
