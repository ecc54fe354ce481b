package org.edgetpu4j.validator;

/**
 * Per-operator outcome in the Edge TPU compiler's own log vocabulary, so that a prediction can be
 * compared line by line with a real {@code edgetpu_compiler -s} log.
 */
public enum EdgeTpuStatus {
  MAPPED("Mapped to Edge TPU"),
  NOT_SUPPORTED("Operation not supported"),
  VERSION_NOT_SUPPORTED("Operation version not supported"),
  UNSUPPORTED_DATA_TYPE("Operation is working on an unsupported data type"),
  UNSPECIFIED_LIMITATION(
      "Operation is otherwise supported, but not mapped due to some unspecified limitation"),
  MORE_THAN_ONE_SUBGRAPH("More than one subgraph is not supported"),
  UNSUPPORTED_RANK("Tensor has unsupported rank (up to 3 innermost dimensions mapped)"),
  /** The compiler refuses the whole model, so no operator is mapped. */
  MODEL_NOT_COMPILED("Model not compiled");

  private final String text;

  EdgeTpuStatus(String text) {
    this.text = text;
  }

  /** The text the compiler prints. */
  public String text() {
    return text;
  }

  /** True for {@link #MAPPED}. */
  public boolean isMapped() {
    return this == MAPPED;
  }
}
