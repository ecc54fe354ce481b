package org.edgetpu4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.edgetpu4j.validator.report.HtmlReport;
import org.edgetpu4j.validator.report.JsonReport;
import org.edgetpu4j.validator.report.TextReport;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j check MODEL}: runtime, Edge TPU and quantization compatibility report. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check that a .tflite model loads on a TFLite runtime, maps onto the Edge TPU and is",
      "quantized correctly. Findings name the operator and tensor and link docs/rules/<ID>.md.",
      "Exit codes: 0 loads on the target runtime and fully Edge TPU compatible,",
      "1 error findings, 2 unreadable model or bad usage."
    })
final class CheckCommand implements Callable<Integer> {
  /** Report formats. */
  enum Format {
    text,
    json,
    html
  }

  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(
      names = "--runtime",
      paramLabel = "X.Y.Z",
      description = "TFLite runtime release on the device (default: any known release).")
  String runtime;

  @Option(
      names = "--edgetpu-runtime",
      paramLabel = "N",
      description = "Edge TPU runtime version, 10 to 14 (default: ${DEFAULT-VALUE}).",
      defaultValue = "14")
  int edgetpuRuntime;

  @Option(
      names = "--format",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE.")
  Path output;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Target target;
    try {
      target = Target.DEFAULT.withEdgeTpuRuntime(edgetpuRuntime);
      if (runtime != null) {
        target = target.withRuntime(RuntimeVersion.parse(runtime));
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
    }
    Model m = TfliteReader.read(model);
    Report report = Validator.check(m, target, model.getFileName().toString());
    String text =
        switch (format) {
          case json -> JsonReport.render(report);
          case html -> HtmlReport.render(report, m);
          case text -> TextReport.render(report);
        };
    if (output != null) {
      TfliteWriter.writeAtomically(output, text.getBytes(StandardCharsets.UTF_8));
      spec.commandLine()
          .getOut()
          .println(
              "edgetpu4j check: "
                  + (report.passes() ? "passes" : report.errors().size() + " error(s)")
                  + ", report written to "
                  + output);
    } else {
      spec.commandLine().getOut().print(text);
    }
    spec.commandLine().getOut().flush();
    return report.passes() ? 0 : CliException.REFUSED;
  }
}
