package org.edgetpu4j.compiler.emit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Metadata;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/** Accumulates tensors, buffers, operator codes and operators into a one-subgraph model. */
final class ModelBuilder {
  private final List<Tensor> tensors = new ArrayList<>();
  private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
  private final List<OperatorCode> codes = new ArrayList<>();
  private final Map<OperatorCode, Integer> codeIndex = new HashMap<>();
  private final List<Operator> operators = new ArrayList<>();

  /** Adds a non-constant tensor and returns its index. */
  int activation(String name, TensorType type, long[] shape, QuantParams q) {
    tensors.add(Tensor.of(name, type, IntArray.of(ints(shape)), 0, q));
    return tensors.size() - 1;
  }

  /** Adds a constant tensor holding {@code data} and returns its index. */
  int constant(String name, TensorType type, long[] shape, QuantParams q, byte[] data) {
    buffers.add(Buffer.of(data));
    tensors.add(Tensor.of(name, type, IntArray.of(ints(shape)), buffers.size() - 1, q));
    return tensors.size() - 1;
  }

  /** Adds an int32 constant vector (shapes, axes, paddings). */
  int int32(String name, long[] shape, int[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return constant(name, TensorType.INT32, shape, QuantParams.NONE, b.array());
  }

  /** Appends an operator. */
  void op(BuiltinOp op, int version, int[] inputs, int[] outputs, BuiltinOptions options) {
    OperatorCode code = OperatorCode.builtin(op, version);
    int index =
        codeIndex.computeIfAbsent(
            code,
            c -> {
              codes.add(c);
              return codes.size() - 1;
            });
    operators.add(Operator.of(index, IntArray.of(inputs), IntArray.of(outputs), options));
  }

  Tensor tensor(int index) {
    return tensors.get(index);
  }

  /** Renames tensor {@code index}. */
  void rename(int index, String name) {
    Tensor t = tensors.get(index);
    tensors.set(
        index,
        new Tensor(
            name,
            t.type(),
            t.shape(),
            t.shapeSignature(),
            t.buffer(),
            t.quantization(),
            t.isVariable(),
            t.hasRank(),
            t.sparsity(),
            t.variantTensors()));
  }

  Model build(int[] inputs, int[] outputs, String description, String minRuntime) {
    List<Metadata> metadata = new ArrayList<>();
    if (minRuntime != null) {
      byte[] text = new byte[16];
      byte[] v = minRuntime.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(v, 0, text, 0, Math.min(v.length, 15));
      buffers.add(Buffer.of(text));
      metadata.add(new Metadata(Model.MIN_RUNTIME_VERSION, buffers.size() - 1));
    }
    Subgraph main =
        new Subgraph("main", tensors, IntArray.of(inputs), IntArray.of(outputs), operators);
    return new Model(
        Model.SCHEMA_VERSION,
        codes,
        List.of(main),
        description,
        buffers,
        IntArray.empty(),
        metadata,
        List.of());
  }

  static int[] ints(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.toIntExact(values[i]);
    }
    return out;
  }
}
