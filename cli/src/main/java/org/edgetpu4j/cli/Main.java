package org.edgetpu4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edgetpu4j} command. Exit codes follow the product contract: 0 success, 1 the model or
 * device was refused, 2 unreadable input or bad usage. Errors are one line on stderr; {@code
 * --verbose} adds the stack trace.
 */
@Command(
    name = "edgetpu4j",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "From TensorFlow training code to a Coral Edge TPU.",
    subcommands = {
      InspectCommand.class,
      CheckCommand.class,
      CompileCommand.class,
      RunCommand.class,
      DevicesCommand.class,
      BenchCommand.class,
      DemoCommand.class
    })
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    return cli.execute(args);
  }
}
