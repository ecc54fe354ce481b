package org.edgetpu4j.cli;

/** A failure a command reports as one line with a chosen exit code. */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for bad input files or usage. */
  public static final int BAD_INPUT = 2;

  /** Exit code for a model that was refused or a device that failed. */
  public static final int REFUSED = 1;

  private final int exitCode;

  /** A failure with {@code message}, ending the command with {@code exitCode}. */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A failure with {@code message} caused by {@code cause}, ending with {@code exitCode}. */
  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code. */
  public int exitCode() {
    return exitCode;
  }
}
