/**
 * The rules, one class each, annotated with {@link org.edgetpu4j.validator.rules.ValidationRule};
 * {@link org.edgetpu4j.validator.rules.Rules#all()} lists them in report order. Each rule has a
 * page {@code docs/rules/<ID>.md}.
 */
package org.edgetpu4j.validator.rules;
