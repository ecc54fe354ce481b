package org.edgetpu4j.compiler.importer;

import java.util.List;
import org.edgetpu4j.compiler.graph.TfGraph;

/**
 * A frozen graph ready for quantization or emission.
 *
 * @param graph the frozen GraphDef, pruned to the outputs, inputs with static shapes
 * @param inputs the input placeholders with their static shapes
 * @param outputs the output node names
 */
public record ImportedGraph(TfGraph graph, List<InputSpec> inputs, List<String> outputs) {}
