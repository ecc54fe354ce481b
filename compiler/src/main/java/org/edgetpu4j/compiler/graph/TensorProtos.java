package org.edgetpu4j.compiler.graph;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Conversions between {@link TensorProto} constants and plain Java arrays. */
public final class TensorProtos {
  private TensorProtos() {}

  /** A shape proto with the given dimensions. */
  public static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }

  /** The dimensions of a shape proto (-1 for unknown dimensions). */
  public static long[] dims(TensorShapeProto shape) {
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
    }
    return dims;
  }

  /** A float32 tensor proto, values stored as little-endian {@code tensor_content}. */
  public static TensorProto of(FloatTensor t) {
    ByteBuffer buf = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < t.size(); i++) {
      buf.putFloat(t.get(i));
    }
    buf.flip();
    return TensorProto.newBuilder()
        .setDtype(DataType.DT_FLOAT)
        .setTensorShape(shape(t.shape()))
        .setTensorContent(ByteString.copyFrom(buf))
        .build();
  }

  /** An int32 tensor proto. */
  public static TensorProto ofInts(int[] values, long... dims) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buf.putInt(v);
    }
    buf.flip();
    return TensorProto.newBuilder()
        .setDtype(DataType.DT_INT32)
        .setTensorShape(shape(dims))
        .setTensorContent(ByteString.copyFrom(buf))
        .build();
  }

  /** A scalar int64 tensor proto. */
  public static TensorProto ofLong(long value) {
    return TensorProto.newBuilder()
        .setDtype(DataType.DT_INT64)
        .setTensorShape(shape())
        .addInt64Val(value)
        .build();
  }

  /** A tensor proto from raw little-endian bytes. */
  public static TensorProto ofRaw(DataType dtype, long[] dims, byte[] bytes) {
    return TensorProto.newBuilder()
        .setDtype(dtype)
        .setTensorShape(shape(dims))
        .setTensorContent(ByteString.copyFrom(bytes))
        .build();
  }

  /** Reads a float32 tensor proto, including the one-value broadcast form. */
  public static FloatTensor toFloat(TensorProto p) {
    if (p.getDtype() != DataType.DT_FLOAT) {
      throw new GraphException("expected a DT_FLOAT constant, found " + p.getDtype());
    }
    long[] dims = dims(p.getTensorShape());
    int n = Math.toIntExact(FloatTensor.numElements(dims));
    float[] v = new float[n];
    if (!p.getTensorContent().isEmpty()) {
      ByteBuffer buf = p.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      if (buf.remaining() != n * 4) {
        throw new GraphException(
            "constant of shape "
                + java.util.Arrays.toString(dims)
                + " has "
                + buf.remaining()
                + " content bytes, expected "
                + n * 4);
      }
      buf.asFloatBuffer().get(v);
    } else if (p.getFloatValCount() > 0) {
      for (int i = 0; i < n; i++) {
        v[i] = p.getFloatVal(Math.min(i, p.getFloatValCount() - 1));
      }
    }
    return new FloatTensor(dims, v);
  }

  /** Reads an int32 or int64 tensor proto as longs. */
  public static long[] toLongs(TensorProto p) {
    long[] dims = dims(p.getTensorShape());
    int n = Math.toIntExact(FloatTensor.numElements(dims));
    long[] v = new long[n];
    boolean is64 = p.getDtype() == DataType.DT_INT64;
    if (!is64 && p.getDtype() != DataType.DT_INT32) {
      throw new GraphException("expected an integer constant, found " + p.getDtype());
    }
    if (!p.getTensorContent().isEmpty()) {
      ByteBuffer buf = p.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        v[i] = is64 ? buf.getLong() : buf.getInt();
      }
    } else {
      int count = is64 ? p.getInt64ValCount() : p.getIntValCount();
      for (int i = 0; i < n && count > 0; i++) {
        int k = Math.min(i, count - 1);
        v[i] = is64 ? p.getInt64Val(k) : p.getIntVal(k);
      }
    }
    return v;
  }
}
