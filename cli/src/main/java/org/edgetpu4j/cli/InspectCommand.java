package org.edgetpu4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu4j inspect MODEL [--json]}: what a TFLite file holds. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Summarise a .tflite model: operators with versions, tensors with type, shape and"
            + " quantization, buffers, metadata (min_runtime_version), signatures, size"
            + " breakdown, and Edge TPU compiled packages.",
    footer = "%nExit codes: 0 read; 2 unreadable file or bad usage.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite file.")
  Path model;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Model m = TfliteReader.read(model);
    ModelSummary summary = ModelSummary.of(m, model.getFileName().toString(), Files.size(model));
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(summary));
    } else {
      out.print(InspectText.render(summary));
    }
    out.flush();
    return 0;
  }
}
