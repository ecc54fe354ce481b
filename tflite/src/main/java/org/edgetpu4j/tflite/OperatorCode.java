package org.edgetpu4j.tflite;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of the model's operator-code table: which operator, and which version of it.
 *
 * @param op the builtin operator, {@link BuiltinOp#CUSTOM} for custom operators
 * @param customCode the custom operator's name, when there is one
 * @param version the operator version (1 and up)
 */
public record OperatorCode(BuiltinOp op, Optional<String> customCode, int version) {

  /** Checks that no component is null. */
  public OperatorCode {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(customCode, "customCode");
  }

  /** A builtin operator at {@code version}. */
  public static OperatorCode builtin(BuiltinOp op, int version) {
    return new OperatorCode(op, Optional.empty(), version);
  }

  /** A custom operator named {@code name}. */
  public static OperatorCode custom(String name, int version) {
    return new OperatorCode(BuiltinOp.CUSTOM, Optional.of(name), version);
  }

  /** True for custom operators. */
  public boolean isCustom() {
    return op == BuiltinOp.CUSTOM;
  }

  /** The name users see: the builtin name, or {@code CUSTOM:<name>} for a custom operator. */
  public String displayName() {
    return isCustom() ? "CUSTOM:" + customCode.orElse("") : op.name();
  }
}
