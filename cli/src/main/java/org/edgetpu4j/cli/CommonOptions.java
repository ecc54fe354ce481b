package org.edgetpu4j.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  /** Print stack traces with errors. */
  @Option(names = "--verbose", description = "Print the stack trace with an error.")
  public boolean verbose;
}
