package org.edgetpu4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.edgetpu4j.compiler.calibrate.PostTrainingQuantization;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.importer.GraphImporter;
import org.edgetpu4j.compiler.importer.ImportedGraph;
import org.edgetpu4j.compiler.importer.InputSpec;
import org.edgetpu4j.compiler.train.QuantizationAwareTraining;
import org.tensorflow.proto.GraphDef;

/**
 * Loads what {@code compile} compiles: a frozen GraphDef or a SavedModel, calibrated with
 * representative inputs when it is a float graph, prepared for emission (batch 1, pruned).
 */
final class GraphSource {
  private GraphSource() {}

  static GraphDef load(
      Path graph, EmitOptions options, Path representative, boolean perTensor, PrintWriter err)
      throws IOException {
    List<InputSpec> inputs = new ArrayList<>();
    for (EmitOptions.IoSpec in : options.inputs()) {
      inputs.add(new InputSpec(in.name(), in.shape()));
    }
    if (Files.isDirectory(graph)) {
      if (!Files.exists(graph.resolve("saved_model.pb"))
          && !Files.exists(graph.resolve("saved_model.pbtxt"))) {
        throw new CliException(
            CliException.BAD_INPUT,
            graph
                + " is a directory without"
                + " saved_model.pb; expected a frozen GraphDef file or a SavedModel directory");
      }
    } else {
      try {
        GraphDef.parseFrom(Files.readAllBytes(graph));
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new CliException(
            CliException.BAD_INPUT,
            graph
                + " is not a binary GraphDef ("
                + e.getMessage()
                + "); expected a frozen .pb or a SavedModel directory");
      }
    }
    ImportedGraph imported =
        Files.isDirectory(graph)
            ? GraphImporter.savedModel(graph, inputs, options.outputs(), 1)
            : GraphImporter.frozenGraph(graph, inputs, options.outputs(), 1);
    TfGraph g = imported.graph();
    boolean quantized = g.nodes().stream().anyMatch(n -> n.getOp().startsWith("FakeQuant"));
    if (representative != null) {
      if (quantized) {
        throw new CliException(
            CliException.BAD_INPUT,
            graph + " already carries FakeQuant" + " nodes; --representative is for float graphs");
      }
      g = calibrate(g, imported, representative, perTensor, err);
    } else if (!quantized) {
      throw new CliException(
          CliException.BAD_INPUT,
          graph
              + " has no FakeQuant nodes: it is a"
              + " float graph; give representative inputs (--representative DIR) to calibrate it");
    }
    return QuantizationAwareTraining.forEmission(g, imported.outputs()).def();
  }

  private static TfGraph calibrate(
      TfGraph g, ImportedGraph imported, Path dir, boolean perTensor, PrintWriter err)
      throws IOException {
    if (imported.inputs().size() != 1) {
      throw new CliException(
          CliException.BAD_INPUT,
          "--representative supports graphs with one"
              + " input; this one has "
              + imported.inputs().size());
    }
    InputSpec input = imported.inputs().get(0);
    long elements = FloatTensor.numElements(input.shape());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new CliException(
          CliException.BAD_INPUT,
          dir + ": no *.bin files (one raw float32" + " input sample each)");
    }
    List<Map<String, FloatTensor>> samples = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = InputFiles.read(f);
      if (bytes.length != 4 * elements) {
        throw new CliException(
            CliException.BAD_INPUT,
            f
                + ": "
                + bytes.length
                + " bytes; input '"
                + input.name()
                + "' of shape "
                + java.util.Arrays.toString(input.shape())
                + " needs "
                + 4 * elements
                + " bytes of float32");
      }
      float[] v = new float[(int) elements];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
      samples.add(Map.of(input.name(), FloatTensor.of(v, input.shape())));
    }
    boolean tty = System.console() != null;
    TfGraph calibrated =
        PostTrainingQuantization.quantize(
            g,
            imported.outputs(),
            samples,
            new PostTrainingQuantization.Options(!perTensor, true),
            (done, total) -> {
              if (tty || done == total) {
                err.printf(
                    "%scalibrating: %d/%d samples%s",
                    tty ? "\r" : "", done, total, done == total ? "\n" : "");
                err.flush();
              }
            });
    return calibrated;
  }
}
