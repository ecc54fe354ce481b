package org.edgetpu4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.edgetpu4j.validator.report.HtmlReport;
import org.edgetpu4j.validator.report.JsonReport;
import org.edgetpu4j.validator.report.TextReport;
import org.edgetpu4j.validator.tables.RuntimeReleases;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j check MODEL...}: runtime, Edge TPU and quantization compatibility report. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check that a .tflite model loads on a TFLite runtime, maps onto the Edge TPU and"
            + " is quantized correctly. Findings name the operator and tensor and link"
            + " docs/rules/<ID>.md.",
    footer =
        "%nExit codes: 0 loads on the target runtime and fully Edge TPU compatible; 1 error"
            + " findings; 2 unreadable model or bad usage. With several models, the worst.")
final class CheckCommand implements Callable<Integer> {
  /** Report formats. */
  enum Format {
    text,
    json,
    html
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "MODEL",
      description = "The .tflite files; one report each, and the exit code of the worst.")
  List<Path> models;

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

  @Option(
      names = "--output",
      paramLabel = "PATH",
      description =
          "Write the report to the file PATH; with several models PATH is a directory that gets"
              + " one <model>.check.<format> file per model.")
  Path output;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Target target;
    try {
      target = Target.DEFAULT.withEdgeTpuRuntime(edgetpuRuntime);
      if (runtime != null) {
        RuntimeVersion v = RuntimeVersion.parse(runtime);
        if (!RuntimeReleases.get().isKnown(v)) {
          throw new IllegalArgumentException(
              "--runtime "
                  + runtime
                  + " is not a TFLite release the tables know (known: "
                  + RuntimeReleases.get().knownText()
                  + ")");
        }
        target = target.withRuntime(v);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(CliException.BAD_INPUT, e.getMessage(), e);
    }
    if (models.size() == 1) {
      return checkOne(models.get(0), target, output);
    }
    if (output == null && format != Format.text) {
      throw new CliException(
          CliException.BAD_INPUT,
          "several models with --format " + format + " need --output DIR (one file per model)");
    }
    if (output != null) {
      Files.createDirectories(output);
    }
    int worst = 0;
    var err = spec.commandLine().getErr();
    for (Path model : models) {
      int code;
      try {
        code = checkOne(model, target, output == null ? null : output.resolve(reportName(model)));
      } catch (CliException e) {
        err.println("edgetpu4j check: " + e.getMessage());
        code = e.exitCode();
      } catch (ModelFormatException e) {
        err.println("edgetpu4j check: " + model + ": not a valid TFLite model: " + e.getMessage());
        code = CliException.BAD_INPUT;
      } catch (IOException e) {
        err.println("edgetpu4j check: " + model + ": cannot read: " + e);
        code = CliException.BAD_INPUT;
      }
      err.flush();
      worst = Math.max(worst, code);
    }
    return worst;
  }

  private String reportName(Path model) {
    String name = model.getFileName().toString();
    if (name.endsWith(".tflite")) {
      name = name.substring(0, name.length() - ".tflite".length());
    }
    return name + ".check." + (format == Format.text ? "txt" : format.name());
  }

  private int checkOne(Path model, Target target, Path output) throws IOException {
    Model m = TfliteReader.read(model);
    Report report = Validator.check(m, target, model.getFileName().toString());
    String text =
        switch (format) {
          case json -> JsonReport.render(report);
          case html -> HtmlReport.render(report, m);
          case text -> TextReport.render(report);
        };
    if (output != null) {
      OutputFiles.writeOne(output, text.getBytes(StandardCharsets.UTF_8));
      spec.commandLine()
          .getOut()
          .println(
              "edgetpu4j check: "
                  + model.getFileName()
                  + " "
                  + (report.passes() ? "passes" : report.errors().size() + " error(s)")
                  + ", report written to "
                  + output);
    } else {
      spec.commandLine().getOut().print(text);
      if (models.size() > 1) {
        spec.commandLine().getOut().println();
      }
    }
    spec.commandLine().getOut().flush();
    return report.passes() ? 0 : CliException.REFUSED;
  }
}
