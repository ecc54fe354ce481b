package org.edgetpu4j.validator.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.edgetpu4j.validator.Severity;

/**
 * Metadata of a rule class: its id (also the name of its page under docs/rules), severity and
 * summary.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidationRule {
  /** Upper-case id such as {@code OP_VERSION_TOO_NEW}. */
  String id();

  /** Severity of the findings the rule reports. */
  Severity severity();

  /** One sentence: what the rule checks. */
  String summary();
}
