package org.edgetpu4j.validator;

/** How much a finding matters. */
public enum Severity {
  /** The model will not load on the target, or will not map onto the Edge TPU as intended. */
  ERROR,
  /** The model works but something is likely wrong or slower than it could be. */
  WARNING,
  /** Worth knowing; nothing to fix. */
  INFO
}
