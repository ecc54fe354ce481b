package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.edgetpu4j.device.cpu.InvalidInputException;
import org.edgetpu4j.device.cpu.ModelRefusedException;
import org.edgetpu4j.tflite.ModelFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and the contract's exit code: unreadable input (a
 * malformed model, a missing or unreadable file) exits 2, a {@link CliException} its own code,
 * anything else 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    int code;
    String message;
    if (e instanceof CliException c) {
      code = c.exitCode();
      message = c.getMessage();
    } else if (e instanceof ModelFormatException) {
      code = CliException.BAD_INPUT;
      message = "not a valid TFLite model: " + e.getMessage();
    } else if (e instanceof NoSuchFileException) {
      code = CliException.BAD_INPUT;
      message = "no such file: " + e.getMessage();
    } else if (e instanceof IOException io) {
      code = CliException.BAD_INPUT;
      message = "cannot read input: " + OutputFiles.reason(io);
    } else if (e instanceof ModelRefusedException) {
      code = CliException.REFUSED;
      message = "model refused: " + e.getMessage();
    } else if (e instanceof InvalidInputException) {
      code = CliException.BAD_INPUT;
      message = "bad input: " + e.getMessage();
    } else {
      // never a Java class name on the one line; --verbose shows the stack trace
      code = CliException.REFUSED;
      message =
          e.getMessage() == null || e.getMessage().isBlank()
              ? "internal error (run with --verbose for details)"
              : e.getMessage();
    }
    cmd.getErr().println("edgetpu4j " + cmd.getCommandName() + ": " + message);
    if (isVerbose(parsed)) {
      e.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return code;
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
