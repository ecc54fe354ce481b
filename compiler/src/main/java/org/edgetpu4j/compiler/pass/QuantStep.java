package org.edgetpu4j.compiler.pass;

import org.edgetpu4j.compiler.graph.GraphEditor;
import org.edgetpu4j.compiler.graph.Nodes;
import org.edgetpu4j.compiler.graph.Variables;
import org.tensorflow.proto.DataType;

/**
 * The quantization step counter shared by the training rewrites: an int64 variable {@code
 * fake_quantization_step} that advances by one each time the graph runs. Its value node reads 1 on
 * the first run. {@code quantDelay} and {@code freezeBatchNormDelay} compare against it.
 */
public final class QuantStep {
  /** The variable's name. */
  public static final String VARIABLE = "fake_quantization_step";

  /** The incremented value, read by the delay conditions. */
  public static final String VALUE = VARIABLE + "/value";

  private QuantStep() {}

  /** Adds the counter if absent; returns {@link #VALUE}. */
  public static String ensure(GraphEditor e) {
    if (e.has(VALUE)) {
      return VALUE;
    }
    Variables.addLongScalar(e, VARIABLE, 0);
    e.add(Nodes.longScalar(VARIABLE + "/one", 1));
    e.add(
        Nodes.op("AssignAdd", VARIABLE + "/AssignAdd", VARIABLE, VARIABLE + "/one")
            .putAttr("T", Nodes.type(DataType.DT_INT64)));
    e.add(
        Nodes.op("Identity", VALUE, VARIABLE + "/AssignAdd")
            .putAttr("T", Nodes.type(DataType.DT_INT64)));
    return VALUE;
  }

  /** Adds a bool node {@code name} that is true once the step has reached {@code delay}. */
  public static String reached(GraphEditor e, String name, long delay) {
    if (e.has(name)) {
      return name;
    }
    String step = ensure(e);
    String c = e.addIfAbsent(Nodes.longScalar(name + "/delay", delay));
    return e.add(
        Nodes.op("GreaterEqual", name, step, c).putAttr("T", Nodes.type(DataType.DT_INT64)));
  }
}
