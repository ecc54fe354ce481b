package org.edgetpu4j.tflite.io;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.SignatureDef;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/**
 * Checks the meaning of a model whose structure is sound: every index in range, shapes and byte
 * sizes sane, constant data as long as its shape says, quantization arrays consistent, operators in
 * an order in which they can run. The reader runs it on every model it returns and the writer on
 * every model it writes.
 */
final class ModelChecker {
  /** The largest tensor, in bytes, that this library can hold in one Java array. */
  static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE;

  private final Model model;

  private ModelChecker(Model model) {
    this.model = model;
  }

  static void check(Model model) throws ModelFormatException {
    new ModelChecker(model).run();
  }

  private void run() throws ModelFormatException {
    if (model.version() != Model.SCHEMA_VERSION) {
      throw error(
          "model", "schema version is " + model.version() + "; expected " + Model.SCHEMA_VERSION);
    }
    if (model.subgraphs().isEmpty()) {
      throw error("model", "has no subgraphs; expected at least the main subgraph");
    }
    int buffers = model.buffers().size();
    for (int i = 0; i < model.operatorCodes().size(); i++) {
      OperatorCode c = model.operatorCodes().get(i);
      if (c.isCustom() && c.customCode().isEmpty()) {
        throw error("operator_codes[" + i + "]", "is CUSTOM but has no custom_code name");
      }
    }
    IntArray mb = model.metadataBuffer();
    for (int i = 0; i < mb.length(); i++) {
      inRange(mb.get(i), buffers, "metadata_buffer[" + i + "]", "buffer");
    }
    for (int i = 0; i < model.metadata().size(); i++) {
      inRange(
          model.metadata().get(i).buffer(),
          buffers,
          "metadata[" + i + "] '" + model.metadata().get(i).name() + "'",
          "buffer");
    }
    for (int s = 0; s < model.subgraphs().size(); s++) {
      subgraph(s, model.subgraphs().get(s));
    }
    for (int i = 0; i < model.signatureDefs().size(); i++) {
      signature(i, model.signatureDefs().get(i));
    }
  }

  private void signature(int i, SignatureDef sig) throws ModelFormatException {
    String where = "signature_defs[" + i + "] '" + sig.key() + "'";
    inRange(sig.subgraphIndex(), model.subgraphs().size(), where, "subgraph");
    int tensors = model.subgraphs().get(sig.subgraphIndex()).tensors().size();
    for (SignatureDef.TensorMap m : sig.inputs()) {
      inRange(m.tensorIndex(), tensors, where + " input '" + m.name() + "'", "tensor");
    }
    for (SignatureDef.TensorMap m : sig.outputs()) {
      inRange(m.tensorIndex(), tensors, where + " output '" + m.name() + "'", "tensor");
    }
  }

  private void subgraph(int s, Subgraph g) throws ModelFormatException {
    String at = "subgraphs[" + s + "]";
    int n = g.tensors().size();
    for (int t = 0; t < n; t++) {
      tensor(at + ".tensors[" + t + "] '" + g.tensor(t).name() + "'", g.tensor(t));
    }
    for (int i = 0; i < g.inputs().length(); i++) {
      inRange(g.inputs().get(i), n, at + ".inputs[" + i + "]", "tensor");
    }
    for (int i = 0; i < g.outputs().length(); i++) {
      inRange(g.outputs().get(i), n, at + ".outputs[" + i + "]", "tensor");
    }
    boolean[] ready = new boolean[n];
    for (int i = 0; i < g.inputs().length(); i++) {
      ready[g.inputs().get(i)] = true;
    }
    for (int t = 0; t < n; t++) {
      Tensor tensor = g.tensor(t);
      ready[t] |= tensor.isVariable() || !model.data(tensor).isEmpty();
    }
    for (int o = 0; o < g.operators().size(); o++) {
      operator(at + ".operators[" + o + "]", g, g.operators().get(o), ready);
    }
    for (int i = 0; i < g.outputs().length(); i++) {
      int t = g.outputs().get(i);
      if (!ready[t]) {
        throw error(
            at + ".outputs[" + i + "]",
            "tensor "
                + t
                + " '"
                + g.tensor(t).name()
                + "' is never written: no operator produces it and it is neither an input nor a"
                + " constant");
      }
    }
  }

  private void operator(String at, Subgraph g, Operator op, boolean[] ready)
      throws ModelFormatException {
    inRange(op.opcodeIndex(), model.operatorCodes().size(), at, "operator code");
    String name = at + " (" + model.opcode(op).displayName() + ")";
    int n = g.tensors().size();
    for (int i = 0; i < op.inputs().length(); i++) {
      int t = op.inputs().get(i);
      if (t == -1) {
        continue;
      }
      inRange(t, n, name + " input " + i, "tensor");
      if (!ready[t]) {
        throw error(
            name,
            "input "
                + i
                + " is tensor "
                + t
                + " '"
                + g.tensor(t).name()
                + "', which no earlier operator writes and which is neither a subgraph input, a"
                + " constant nor a variable: operators are not in executable order");
      }
    }
    for (int i = 0; i < op.outputs().length(); i++) {
      int t = op.outputs().get(i);
      inRange(t, n, name + " output " + i, "tensor");
    }
    for (int i = 0; i < op.outputs().length(); i++) {
      ready[op.outputs().get(i)] = true;
    }
    for (int i = 0; i < op.intermediates().length(); i++) {
      inRange(op.intermediates().get(i), n, name + " intermediate " + i, "tensor");
    }
    int mutating = op.mutatingVariableInputs().size();
    if (mutating != 0 && mutating != op.inputs().length()) {
      throw error(
          name,
          "has "
              + mutating
              + " mutating_variable_inputs flags for "
              + op.inputs().length()
              + " inputs; expected none or one per input");
    }
    for (var options : List.of(op.builtinOptions(), op.builtinOptions2())) {
      for (Map.Entry<String, Object> e : options.values().entrySet()) {
        String field = e.getKey();
        if ((field.endsWith("subgraph_index") || field.equals("subgraph"))
            && e.getValue() instanceof Long v) {
          inRange(
              v, model.subgraphs().size(), name + " " + options.type() + "." + field, "subgraph");
        }
      }
    }
  }

  private void tensor(String at, Tensor t) throws ModelFormatException {
    if (t.buffer() != 0) { // buffer 0 means "no data", even in a model without buffers (as TFLite)
      inRange(t.buffer(), model.buffers().size(), at + ".buffer", "buffer");
    }
    IntArray shape = t.shape();
    long elements = 1;
    for (int d = 0; d < shape.length(); d++) {
      if (shape.get(d) < 0) {
        throw error(
            at,
            "shape "
                + shape
                + " has negative dimension "
                + d
                + "; expected sizes of 0 or more (-1 belongs in shape_signature)");
      }
      elements *= shape.get(d); // both factors are below 2^32: no overflow
      // Every element takes at least half a byte, so checking the count first keeps the byte
      // size computation in range.
      if (elements > 2 * MAX_TENSOR_BYTES
          || (t.type().hasFixedSize() && t.type().byteSize(elements) > MAX_TENSOR_BYTES)) {
        throw error(
            at,
            "shape "
                + shape
                + " of "
                + t.type()
                + " needs more than "
                + MAX_TENSOR_BYTES
                + " bytes; expected a tensor of at most 2 GiB");
      }
    }
    IntArray sig = t.shapeSignature();
    if (!sig.isEmpty()) {
      if (sig.length() != shape.length()) {
        throw error(
            at,
            "shape_signature "
                + sig
                + " has rank "
                + sig.length()
                + " but shape "
                + shape
                + " has rank "
                + shape.length());
      }
      for (int d = 0; d < sig.length(); d++) {
        if (sig.get(d) < -1) {
          throw error(
              at,
              "shape_signature "
                  + sig
                  + " has dimension "
                  + sig.get(d)
                  + "; expected -1 (dynamic) or a size");
        }
      }
    }
    int dataLength = model.data(t).length();
    if (dataLength > 0 && t.type().hasFixedSize() && t.sparsity().isEmpty()) {
      long expected = t.type().byteSize(elements);
      boolean unpackedInt4 = t.type() == TensorType.INT4 && dataLength == elements;
      if (dataLength != expected && !unpackedInt4) {
        throw error(
            at,
            "constant buffer "
                + t.buffer()
                + " holds "
                + dataLength
                + " bytes; shape "
                + shape
                + " of "
                + t.type()
                + " needs "
                + expected);
      }
    }
    quantization(at, t);
  }

  private void quantization(String at, Tensor t) throws ModelFormatException {
    QuantParams q = t.quantization();
    int scales = q.scale().length();
    if (scales > 0 && q.zeroPoint().length() != scales) {
      throw error(
          at,
          "quantization has "
              + scales
              + " scales but "
              + q.zeroPoint().length()
              + " zero points; expected one zero point per scale");
    }
    if (scales > 1) {
      int dim = q.quantizedDimension();
      if (dim < 0 || dim >= t.rank()) {
        throw error(
            at,
            "quantized_dimension "
                + dim
                + " is outside shape "
                + t.shape()
                + " (rank "
                + t.rank()
                + ")");
      }
      if (t.shape().get(dim) != scales) {
        throw error(
            at,
            "has "
                + scales
                + " per-channel scales but dimension "
                + dim
                + " of shape "
                + t.shape()
                + " is "
                + t.shape().get(dim)
                + "; expected one scale per slice");
      }
    } else if (q.quantizedDimension() < 0) {
      throw error(at, "quantized_dimension is " + q.quantizedDimension() + "; expected 0 or more");
    }
    if (q.min().length() != q.max().length()) {
      throw error(
          at,
          "quantization has "
              + q.min().length()
              + " min values but "
              + q.max().length()
              + " max values; expected the same number");
    }
  }

  private static void inRange(long index, int size, String where, String what)
      throws ModelFormatException {
    if (index < 0 || index >= size) {
      throw error(
          where,
          "refers to "
              + what
              + " "
              + index
              + " but there are "
              + size
              + (size == 0 ? "" : " (expected 0.." + (size - 1) + ")"));
    }
  }

  private static ModelFormatException error(String where, String message) {
    return new ModelFormatException(where + ": " + message);
  }
}
