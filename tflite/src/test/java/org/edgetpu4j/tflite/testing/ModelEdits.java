package org.edgetpu4j.tflite.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/** Record-level edits of a model's main subgraph, for tests that build hostile models. */
public final class ModelEdits {
  private ModelEdits() {}

  /** Index of the first operator of kind {@code op} in the main subgraph. */
  public static int firstOp(Model m, BuiltinOp op) {
    List<Operator> ops = m.mainSubgraph().operators();
    for (int i = 0; i < ops.size(); i++) {
      if (!m.opcode(ops.get(i)).isCustom() && m.opcode(ops.get(i)).op() == op) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + op + " in the model");
  }

  /** {@code m} with option {@code field} of operator {@code op} set to {@code value}. */
  public static Model withOption(Model m, int op, String field, Object value) {
    return withOperator(
        m,
        op,
        o -> {
          BuiltinOptions opts = o.builtinOptions();
          Map<String, Object> values = new LinkedHashMap<>(opts.values());
          values.put(field, value);
          return new Operator(
              o.opcodeIndex(),
              o.inputs(),
              o.outputs(),
              new BuiltinOptions(opts.type(), values),
              o.builtinOptions2(),
              o.customOptions(),
              o.mutatingVariableInputs(),
              o.intermediates());
        });
  }

  /** {@code m} with operator {@code op} replaced by {@code edit} of it. */
  public static Model withOperator(Model m, int op, UnaryOperator<Operator> edit) {
    Subgraph sg = m.mainSubgraph();
    List<Operator> ops = new ArrayList<>(sg.operators());
    ops.set(op, edit.apply(ops.get(op)));
    return withMain(m, new Subgraph(sg.name(), sg.tensors(), sg.inputs(), sg.outputs(), ops));
  }

  /** {@code m} with tensor {@code t} replaced by {@code edit} of it. */
  public static Model withTensor(Model m, int t, UnaryOperator<Tensor> edit) {
    Subgraph sg = m.mainSubgraph();
    List<Tensor> tensors = new ArrayList<>(sg.tensors());
    tensors.set(t, edit.apply(tensors.get(t)));
    return withMain(m, new Subgraph(sg.name(), tensors, sg.inputs(), sg.outputs(), sg.operators()));
  }

  /** {@code m} with tensor {@code t} quantized by {@code q}. */
  public static Model withQuant(Model m, int t, QuantParams q) {
    return withTensor(m, t, x -> tensor(x, x.type(), x.shape(), x.shapeSignature(), x.buffer(), q));
  }

  /** {@code m} with tensor {@code t} of element type {@code type}. */
  public static Model withType(Model m, int t, TensorType type) {
    return withTensor(
        m, t, x -> tensor(x, type, x.shape(), x.shapeSignature(), x.buffer(), x.quantization()));
  }

  /** A copy of {@code x} with the given parts replaced. */
  private static Tensor tensor(
      Tensor x, TensorType type, IntArray shape, IntArray signature, int buffer, QuantParams q) {
    return new Tensor(
        x.name(),
        type,
        shape,
        signature,
        buffer,
        q,
        x.isVariable(),
        x.hasRank(),
        x.sparsity(),
        x.variantTensors());
  }

  /** {@code m} with tensor {@code t} of shape {@code shape} (signature dropped). */
  public static Model withShape(Model m, int t, int... shape) {
    return withTensor(
        m,
        t,
        x ->
            tensor(
                x, x.type(), IntArray.of(shape), IntArray.empty(), x.buffer(), x.quantization()));
  }

  /** {@code m} with tensor {@code t} a constant of {@code shape} holding {@code data}. */
  public static Model withConstant(Model m, int t, byte[] data, int... shape) {
    List<Buffer> buffers = new ArrayList<>(m.buffers());
    buffers.add(Buffer.of(data));
    int b = buffers.size() - 1;
    return withTensor(
        withBuffers(m, buffers),
        t,
        x -> tensor(x, x.type(), IntArray.of(shape), IntArray.empty(), b, x.quantization()));
  }

  /** {@code m} with buffer {@code b} holding {@code data}. */
  public static Model withBuffer(Model m, int b, byte[] data) {
    List<Buffer> buffers = new ArrayList<>(m.buffers());
    buffers.set(b, Buffer.of(data));
    return withBuffers(m, buffers);
  }

  /** {@code m} with {@code buffers}. */
  public static Model withBuffers(Model m, List<Buffer> buffers) {
    return new Model(
        m.version(),
        m.operatorCodes(),
        m.subgraphs(),
        m.description(),
        buffers,
        m.metadataBuffer(),
        m.metadata(),
        m.signatureDefs());
  }

  /** {@code m} with operator code {@code c} replaced by {@code code}. */
  public static Model withOpcode(Model m, int c, OperatorCode code) {
    List<OperatorCode> codes = new ArrayList<>(m.operatorCodes());
    codes.set(c, code);
    return new Model(
        m.version(),
        codes,
        m.subgraphs(),
        m.description(),
        m.buffers(),
        m.metadataBuffer(),
        m.metadata(),
        m.signatureDefs());
  }

  /** Little-endian int32 bytes of {@code values}. */
  public static byte[] int32s(int... values) {
    byte[] b = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < 4; k++) {
        b[4 * i + k] = (byte) (values[i] >>> (8 * k));
      }
    }
    return b;
  }

  /** {@code m} with {@code sg} as its main subgraph. */
  public static Model withMain(Model m, Subgraph sg) {
    List<Subgraph> sgs = new ArrayList<>(m.subgraphs());
    sgs.set(0, sg);
    return new Model(
        m.version(),
        m.operatorCodes(),
        sgs,
        m.description(),
        m.buffers(),
        m.metadataBuffer(),
        m.metadata(),
        m.signatureDefs());
  }
}
