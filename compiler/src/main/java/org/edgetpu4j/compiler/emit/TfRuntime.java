package org.edgetpu4j.compiler.emit;

import java.util.Map;
import org.edgetpu4j.compiler.CompileException;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The frozen graph loaded into TensorFlow: static shapes by TensorFlow's own shape inference (with
 * the inputs fixed to the requested shapes) and the values of constant subgraphs by running them,
 * so weight expressions such as folded batch norm are evaluated exactly as TensorFlow would.
 */
final class TfRuntime implements AutoCloseable {
  /** A float tensor's shape and values. */
  record Value(long[] shape, float[] data) {}

  private final Graph graph = new Graph();
  private final Session session;

  TfRuntime(GraphDef def, Map<String, long[]> inputShapes) throws CompileException {
    GraphDef.Builder fixed = def.toBuilder();
    for (int i = 0; i < fixed.getNodeCount(); i++) {
      NodeDef n = fixed.getNode(i);
      long[] shape = inputShapes.get(n.getName());
      if (shape != null) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) {
          s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        fixed.setNode(
            i, n.toBuilder().putAttr("shape", AttrValue.newBuilder().setShape(s).build()));
      }
    }
    try {
      graph.importGraphDef(fixed.build());
    } catch (IllegalArgumentException e) {
      graph.close();
      throw new CompileException("TensorFlow cannot load the graph: " + e.getMessage(), e);
    }
    session = new Session(graph);
  }

  /** The static shape of {@code tensor}; fails when any dimension is unknown. */
  long[] shape(String tensor, String forWhat) throws CompileException {
    Shape s = output(tensor).shape();
    if (s.isUnknown()) {
      throw new CompileException(
          forWhat
              + ": the shape of '"
              + tensor
              + "' is unknown; give the inputs static shapes (--inputs NAME:1,H,W,C)");
    }
    long[] dims = s.asArray();
    for (long d : dims) {
      if (d < 0) {
        throw new CompileException(
            forWhat
                + ": the shape of '"
                + tensor
                + "' is "
                + s
                + ", not static; give the inputs static shapes (--inputs NAME:1,H,W,C)");
      }
    }
    return dims;
  }

  /** The element type of {@code tensor}. */
  DataType dataType(String tensor) throws CompileException {
    return output(tensor).dataType();
  }

  /** Runs the constant subgraph producing {@code tensor} and returns its values as floats. */
  Value evaluate(String tensor) throws CompileException {
    try (Tensor t = session.runner().fetch(tensor).run().get(0)) {
      long[] shape = t.shape().asArray();
      int n = Math.toIntExact(t.shape().size());
      float[] data = new float[n];
      var bytes = t.asRawTensor().data();
      switch (t.dataType()) {
        case DT_FLOAT -> bytes.asFloats().read(data);
        case DT_INT32 -> {
          int[] ints = new int[n];
          bytes.asInts().read(ints);
          for (int i = 0; i < n; i++) {
            data[i] = ints[i];
          }
        }
        case DT_INT64 -> {
          long[] longs = new long[n];
          bytes.asLongs().read(longs);
          for (int i = 0; i < n; i++) {
            data[i] = longs[i];
          }
        }
        default ->
            throw new CompileException(
                "constant '"
                    + tensor
                    + "' has type "
                    + t.dataType()
                    + "; expected float32, int32 or int64");
      }
      return new Value(shape, data);
    } catch (RuntimeException e) {
      throw new CompileException("cannot evaluate constant '" + tensor + "': " + e.getMessage(), e);
    }
  }

  private org.tensorflow.Output<?> output(String tensor) throws CompileException {
    String name = GraphView.nodeName(tensor);
    int colon = tensor.lastIndexOf(':');
    int index = colon < 0 ? 0 : Integer.parseInt(tensor.substring(colon + 1));
    GraphOperation op = graph.operation(name);
    if (op == null) {
      throw new CompileException("the graph has no node '" + name + "'");
    }
    return op.output(index);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
