package org.edgetpu4j.compiler.graph;

import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Factories for the {@link NodeDef}s the passes create and the tests write. Passes and the test DSL
 * use the same factories, so a pass's output can be compared node by node with a hand-written
 * expected graph.
 */
public final class Nodes {
  private Nodes() {}

  /** A node of type {@code op} with the given inputs and no attributes. */
  public static NodeDef.Builder op(String op, String name, String... inputs) {
    return NodeDef.newBuilder().setName(name).setOp(op).addAllInput(List.of(inputs));
  }

  /** A float32 node ({@code T = DT_FLOAT}) such as Mul, AddV2, Relu or Identity. */
  public static NodeDef.Builder floatOp(String op, String name, String... inputs) {
    return op(op, name, inputs).putAttr("T", type(DataType.DT_FLOAT));
  }

  /** A float32 constant. */
  public static NodeDef constant(String name, FloatTensor value) {
    return op("Const", name)
        .putAttr("dtype", type(DataType.DT_FLOAT))
        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProtos.of(value)).build())
        .build();
  }

  /** A float32 scalar constant. */
  public static NodeDef scalar(String name, float value) {
    return constant(name, FloatTensor.scalar(value));
  }

  /** An int32 constant. */
  public static NodeDef intConstant(String name, int[] values, long... dims) {
    return op("Const", name)
        .putAttr("dtype", type(DataType.DT_INT32))
        .putAttr(
            "value", AttrValue.newBuilder().setTensor(TensorProtos.ofInts(values, dims)).build())
        .build();
  }

  /** An int64 scalar constant. */
  public static NodeDef longScalar(String name, long value) {
    return op("Const", name)
        .putAttr("dtype", type(DataType.DT_INT64))
        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProtos.ofLong(value)).build())
        .build();
  }

  /** A float32 placeholder with a static shape. */
  public static NodeDef placeholder(String name, long... shape) {
    return op("Placeholder", name)
        .putAttr("dtype", type(DataType.DT_FLOAT))
        .putAttr("shape", AttrValue.newBuilder().setShape(TensorProtos.shape(shape)).build())
        .build();
  }

  /** A reduction (Min, Max, Mean, Sum) over the axes held by {@code axes}. */
  public static NodeDef reduce(String op, String name, String input, String axes, boolean keep) {
    return floatOp(op, name, input, axes)
        .putAttr("Tidx", type(DataType.DT_INT32))
        .putAttr("keep_dims", bool(keep))
        .build();
  }

  /** A Reshape of a float32 tensor to the shape held by the int32 tensor {@code shape}. */
  public static NodeDef reshape(String name, String input, String shape) {
    return floatOp("Reshape", name, input, shape)
        .putAttr("Tshape", type(DataType.DT_INT32))
        .build();
  }

  /**
   * A fake-quant node: {@code FakeQuantWithMinMaxVars} or, when {@code perChannel}, {@code
   * FakeQuantWithMinMaxVarsPerChannel}, with 8 bits.
   */
  public static NodeDef fakeQuant(
      String name, String input, String min, String max, boolean perChannel, boolean narrow) {
    String op = perChannel ? "FakeQuantWithMinMaxVarsPerChannel" : "FakeQuantWithMinMaxVars";
    return op(op, name, input, min, max)
        .putAttr("num_bits", AttrValue.newBuilder().setI(8).build())
        .putAttr("narrow_range", bool(narrow))
        .build();
  }

  /** A dtype attribute. */
  public static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  /** A bool attribute. */
  public static AttrValue bool(boolean b) {
    return AttrValue.newBuilder().setB(b).build();
  }

  /** An int list attribute. */
  public static AttrValue ints(long... values) {
    AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
    for (long v : values) {
      l.addI(v);
    }
    return AttrValue.newBuilder().setList(l).build();
  }

  /** A string attribute. */
  public static AttrValue string(String s) {
    return AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8(s)).build();
  }

  /** A float attribute. */
  public static AttrValue real(float f) {
    return AttrValue.newBuilder().setF(f).build();
  }
}
