package org.edgetpu4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.compiler.emit.Compiled;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.compiler.emit.TfliteEmitter;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.validator.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgetpu4j compile}: a frozen TensorFlow graph or SavedModel, with FakeQuant nodes or
 * calibrated from representative inputs, to a fully integer model.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description =
        "Compile a frozen TensorFlow graph (.pb) or a SavedModel directory into a fully integer"
            + " .tflite: graphs from quantization-aware training carry FakeQuant nodes; float"
            + " graphs are calibrated on representative inputs (--representative).",
    footer = "%nExit codes: 0 written; 1 the graph cannot be compiled; 2 bad input or usage.")
final class CompileCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "GRAPH",
      description = "Frozen GraphDef (.pb) or SavedModel directory.")
  Path graph;

  @Option(
      names = "--inputs",
      required = true,
      split = ";",
      paramLabel = "NAME[:SHAPE]",
      description =
          "Input placeholders, in model input order, each with an optional static shape such as"
              + " input:1,28,28,1 (default: the placeholder's shape with batch 1). Repeat or"
              + " separate with ';'.")
  List<String> inputs;

  @Option(
      names = "--outputs",
      required = true,
      split = ",",
      paramLabel = "NAME",
      description = "Output tensors, in model output order.")
  List<String> outputs;

  @Option(names = "--output", required = true, paramLabel = "OUT.tflite", description = "Model.")
  Path output;

  @Option(
      names = "--input-type",
      defaultValue = "uint8",
      paramLabel = "TYPE",
      description = "Type of the model's inputs and outputs: uint8 (default), int8 or float32.")
  String ioType;

  @Option(
      names = "--precision",
      defaultValue = "int8",
      paramLabel = "P",
      description =
          "Interior integer scheme: int8 (TFLite's int8 spec, default) or uint8 (legacy TF1).")
  String precision;

  @Option(
      names = "--representative",
      paramLabel = "DIR",
      description =
          "Post-training quantization of a float graph: a directory of representative inputs,"
              + " one raw little-endian float32 file (*.bin) per sample in the input's shape.")
  Path representative;

  @Option(
      names = "--per-tensor",
      description = "With --representative: one weight scale per tensor instead of per channel.")
  boolean perTensor;

  @Option(
      names = "--target-runtime",
      paramLabel = "X.Y.Z",
      description = "Oldest TFLite runtime the model must load on.")
  String targetRuntime;

  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.exists(graph)) {
      throw new CliException(CliException.BAD_INPUT, "no such file or SavedModel: " + graph);
    }
    TensorFlowRuntime.require("compile");
    EmitOptions options =
        new EmitOptions(
            parseInputs(inputs),
            outputs,
            parse(EmitOptions.Precision.class, precision, "--precision"),
            parse(EmitOptions.IoType.class, ioType, "--input-type"),
            Optional.ofNullable(targetRuntime));
    Compiled compiled;
    try {
      compiled =
          TfliteEmitter.compile(
              GraphSource.load(
                  graph, options, representative, perTensor, spec.commandLine().getErr()),
              options);
    } catch (GraphException e) {
      throw new CliException(
          CliException.REFUSED, "cannot compile " + graph + ": " + e.getMessage(), e);
    } catch (CompileException e) {
      throw new CliException(
          CliException.REFUSED, "cannot compile " + graph + ": " + e.getMessage(), e);
    }
    Model model = compiled.model();
    Report report = compiled.report();
    byte[] bytes = TfliteWriter.toBytes(model);
    OutputFiles.writeOne(output, bytes);
    var out = spec.commandLine().getOut();
    out.printf("compiled %s -> %s (%,d bytes)%n", graph, output, bytes.length);
    out.printf("  operators: %s%n", operatorSummary(model));
    for (int i = 0; i < model.mainSubgraph().inputs().length(); i++) {
      out.printf("  input  %s%n", describe(model.mainSubgraph().inputTensor(i)));
    }
    for (int i = 0; i < model.mainSubgraph().outputs().length(); i++) {
      out.printf("  output %s%n", describe(model.mainSubgraph().outputTensor(i)));
    }
    out.printf(
        "  loads on TFLite %s and newer; Edge TPU: %s%n",
        report.minRuntimeVersion(),
        report.edgetpuCompatible()
            ? "fully compatible"
            : report.edgetpu().opsOnEdgeTpu()
                + " of "
                + report.ops().size()
                + " operators map (run `edgetpu4j check "
                + output
                + "` for the reasons)");
    out.flush();
    return 0;
  }

  static List<EmitOptions.IoSpec> parseInputs(List<String> specs) {
    List<EmitOptions.IoSpec> out = new ArrayList<>();
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      if (colon < 0) {
        out.add(EmitOptions.IoSpec.named(spec));
        continue;
      }
      String[] dims = spec.substring(colon + 1).split(",");
      long[] shape = new long[dims.length];
      for (int i = 0; i < dims.length; i++) {
        try {
          shape[i] = Long.parseLong(dims[i].trim());
        } catch (NumberFormatException e) {
          throw new CliException(
              CliException.BAD_INPUT,
              "--inputs " + spec + ": '" + dims[i] + "' is not a dimension; expected NAME:1,H,W,C");
        }
        if (shape[i] <= 0) {
          throw new CliException(
              CliException.BAD_INPUT, "--inputs " + spec + ": dimensions must be positive");
        }
      }
      out.add(new EmitOptions.IoSpec(spec.substring(0, colon), shape));
    }
    return out;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          CliException.BAD_INPUT,
          option
              + " "
              + value
              + ": expected one of "
              + java.util.Arrays.toString(type.getEnumConstants())
                  .toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static String operatorSummary(Model model) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Operator op : model.mainSubgraph().operators()) {
      var code = model.opcode(op);
      counts.merge(code.displayName() + " v" + code.version(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(v == 1 ? k : k + " x" + v));
    return model.mainSubgraph().operators().size() + " (" + String.join(", ", parts) + ")";
  }

  private static String describe(Tensor t) {
    var q = t.quantization();
    return t.name()
        + " "
        + t.type()
        + " "
        + t.shape()
        + (q.isQuantized()
            ? " real = " + q.scale().get(0) + " * (q - " + q.zeroPoint().get(0) + ")"
            : "");
  }
}
