package org.edgetpu4j.compiler.graph;

import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Adds TF1-style variables to a GraphDef: a {@code VariableV2} node, its initial value, an {@code
 * Assign} and a control edge from the {@code Init} NoOp, which TensorFlow Java registers as the
 * graph's initializer on import (a new {@code Session} runs it before the first step).
 */
public final class Variables {
  /** The name of the initializer NoOp that TensorFlow Java runs on a session's first use. */
  public static final String INIT = "Init";

  private Variables() {}

  /** Adds a float32 variable {@code name} initialised to {@code init}. Returns the name. */
  public static String addFloat(GraphEditor e, String name, FloatTensor init) {
    return add(e, name, DataType.DT_FLOAT, init.shape(), TensorProtos.of(init));
  }

  /** Adds an int64 scalar variable {@code name} initialised to {@code init}. */
  public static String addLongScalar(GraphEditor e, String name, long init) {
    return add(e, name, DataType.DT_INT64, new long[0], TensorProtos.ofLong(init));
  }

  private static String add(
      GraphEditor e, String name, DataType dtype, long[] shape, TensorProto value) {
    e.add(
        Nodes.op("VariableV2", name)
            .putAttr("dtype", Nodes.type(dtype))
            .putAttr("shape", AttrValue.newBuilder().setShape(TensorProtos.shape(shape)).build())
            .putAttr("container", Nodes.string(""))
            .putAttr("shared_name", Nodes.string("")));
    e.add(
        Nodes.op("Const", name + "/initial_value")
            .putAttr("dtype", Nodes.type(dtype))
            .putAttr("value", AttrValue.newBuilder().setTensor(value).build()));
    e.add(
        Nodes.op("Assign", name + "/Assign", name, name + "/initial_value")
            .putAttr("T", Nodes.type(dtype)));
    if (!e.has(INIT)) {
      e.add(Nodes.op("NoOp", INIT));
    }
    e.get(INIT).addInput("^" + name + "/Assign");
    return name;
  }

  /** True for the op types that hold state between runs. */
  public static boolean isVariable(NodeDef n) {
    return switch (n.getOp()) {
      case "VariableV2", "Variable", "VarHandleOp" -> true;
      default -> false;
    };
  }
}
