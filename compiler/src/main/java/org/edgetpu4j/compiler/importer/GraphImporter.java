package org.edgetpu4j.compiler.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.GraphException;
import org.edgetpu4j.compiler.graph.TensorProtos;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.FoldConstants;
import org.edgetpu4j.compiler.pass.FreezeVariables;
import org.edgetpu4j.compiler.pass.PassManager;
import org.edgetpu4j.compiler.pass.Prune;
import org.edgetpu4j.compiler.pass.SetInputShapes;
import org.edgetpu4j.compiler.pass.VariableSource;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Reads a model into an {@link ImportedGraph}: a frozen GraphDef {@code .pb} or a SavedModel
 * directory (TF1-style graph with variables, as TensorFlow Java exports it). Inputs default to all
 * Placeholders (SavedModel: the {@code serving_default} signature), outputs to the nodes nothing
 * consumes; an unknown batch dimension is fixed to {@code batch} (1 by default). The graph is
 * pruned to the outputs and its constant subgraphs are folded ({@code Identity} reads of constants
 * bypassed), so weights reach their FakeQuant or layer directly as {@code Const}.
 */
public final class GraphImporter {
  private GraphImporter() {}

  /** Reads a frozen GraphDef file. */
  public static ImportedGraph frozenGraph(
      Path pb, List<InputSpec> inputs, List<String> outputs, long batch) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pb);
    } catch (IOException e) {
      throw new GraphException("cannot read " + pb + ": " + e.getMessage(), e);
    }
    return frozenGraph(TfGraph.parse(bytes), inputs, outputs, batch);
  }

  /** Prepares an in-memory frozen graph the same way. */
  public static ImportedGraph frozenGraph(
      TfGraph g, List<InputSpec> inputs, List<String> outputs, long batch) {
    List<String> outs =
        outputs.isEmpty() ? sinks(g) : outputs.stream().map(GraphImporter::strip).toList();
    List<InputSpec> ins = inputs.isEmpty() ? placeholders(g) : inputs;
    for (String o : outs) {
      if (!g.has(o)) {
        throw new GraphException("output '" + o + "' is not in the graph");
      }
    }
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (InputSpec in : ins) {
      NodeDef n =
          g.find(in.name())
              .orElseThrow(
                  () ->
                      new GraphException(
                          "input '"
                              + in.name()
                              + "' is not in the graph; placeholders are "
                              + placeholders(g)));
      if (!n.getOp().equals("Placeholder")) {
        throw GraphException.at(n.getName(), n.getOp(), "an input must be a Placeholder");
      }
      if (in.shape() != null) {
        shapes.put(in.name(), in.shape());
      }
    }
    TfGraph out =
        new PassManager()
            .add(new Prune(outs))
            .add(new SetInputShapes(shapes, batch))
            .add(new FoldConstants())
            .run(g)
            .graph();
    for (NodeDef n : out.nodes()) {
      if (n.getOp().equals("VariableV2") || n.getOp().equals("VarHandleOp")) {
        throw GraphException.at(
            n.getName(), n.getOp(), "the graph is not frozen; import it as a SavedModel instead");
      }
    }
    List<InputSpec> resolved = new ArrayList<>();
    for (NodeDef n : out.nodes()) {
      if (n.getOp().equals("Placeholder")) {
        resolved.add(
            new InputSpec(n.getName(), TensorProtos.dims(n.getAttrOrThrow("shape").getShape())));
      }
    }
    return new ImportedGraph(out, resolved, outs);
  }

  /** Loads a SavedModel (tag {@code serve}) and freezes it with the values it holds. */
  public static ImportedGraph savedModel(
      Path dir, List<InputSpec> inputs, List<String> outputs, long batch) {
    if (!Files.isDirectory(dir)) {
      throw new GraphException(dir + " is not a SavedModel directory");
    }
    try (SavedModelBundle b = SavedModelBundle.load(dir.toString(), "serve")) {
      TfGraph g = TfGraph.of(b.graph().toGraphDef());
      for (NodeDef n : g.nodes()) {
        if (n.getOp().endsWith("PartitionedCall")) {
          throw GraphException.at(
              n.getName(),
              n.getOp(),
              "the SavedModel calls graph functions (TF2 style), which this importer does not"
                  + " inline; export a frozen GraphDef instead");
        }
      }
      SignatureDef sig = b.metaGraphDef().getSignatureDefMap().get("serving_default");
      List<InputSpec> ins = inputs;
      List<String> outs = outputs;
      if (sig != null && ins.isEmpty()) {
        ins = sig.getInputsMap().values().stream().map(t -> new InputSpec(strip(t), null)).toList();
      }
      if (sig != null && outs.isEmpty()) {
        outs = sig.getOutputsMap().values().stream().map(GraphImporter::strip).toList();
      }
      if (outs.isEmpty()) {
        throw new GraphException(
            "the SavedModel has no serving_default signature; name the outputs");
      }
      TfGraph frozen =
          new PassManager()
              .add(new Prune(outs))
              .add(new FreezeVariables(VariableSource.of(b.session())))
              .run(g)
              .graph();
      return frozenGraph(frozen, ins, outs, batch);
    } catch (org.tensorflow.exceptions.TensorFlowException e) {
      throw new GraphException("cannot load SavedModel " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String strip(TensorInfo t) {
    return strip(t.getName());
  }

  private static String strip(String name) {
    return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
  }

  private static List<InputSpec> placeholders(TfGraph g) {
    return g.nodes().stream()
        .filter(n -> n.getOp().equals("Placeholder"))
        .map(n -> new InputSpec(n.getName(), null))
        .toList();
  }

  private static List<String> sinks(TfGraph g) {
    return g.nodes().stream()
        .filter(n -> g.consumers(n.getName()).isEmpty())
        .filter(n -> !n.getOp().equals("NoOp") && !n.getOp().equals("Const"))
        .filter(n -> !n.getOp().startsWith("Assign") && !n.getOp().startsWith("Save"))
        .map(NodeDef::getName)
        .toList();
  }
}
