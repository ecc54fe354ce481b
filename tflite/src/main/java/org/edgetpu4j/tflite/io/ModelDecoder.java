package org.edgetpu4j.tflite.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.Metadata;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.SignatureDef;
import org.edgetpu4j.tflite.Sparsity;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.VariantSubType;
import org.edgetpu4j.tflite.schema.CustomQuantization;
import org.edgetpu4j.tflite.schema.DimensionMetadata;
import org.edgetpu4j.tflite.schema.Int32Vector;
import org.edgetpu4j.tflite.schema.QuantizationParameters;
import org.edgetpu4j.tflite.schema.SparsityParameters;
import org.edgetpu4j.tflite.schema.SubGraph;
import org.edgetpu4j.tflite.schema.Uint16Vector;
import org.edgetpu4j.tflite.schema.Uint8Vector;

/**
 * Turns a buffer that {@link FlatVerifier} accepted into model records. Only reads what the
 * verifier checked, so no access can leave the buffer; value-level problems (unknown enum codes,
 * data outside the file) become {@link ModelFormatException}s.
 */
final class ModelDecoder {
  private final ByteBuffer bb;

  private ModelDecoder(ByteBuffer bb) {
    this.bb = bb;
  }

  static Model decode(ByteBuffer bb) throws ModelFormatException {
    return new ModelDecoder(bb).model(org.edgetpu4j.tflite.schema.Model.getRootAsModel(bb));
  }

  private Model model(org.edgetpu4j.tflite.schema.Model m) throws ModelFormatException {
    List<OperatorCode> codes = new ArrayList<>();
    for (int i = 0; i < m.operatorCodesLength(); i++) {
      codes.add(operatorCode(m.operatorCodes(i), i));
    }
    List<Subgraph> subgraphs = new ArrayList<>();
    for (int i = 0; i < m.subgraphsLength(); i++) {
      subgraphs.add(subgraph(m.subgraphs(i), i));
    }
    List<Buffer> buffers = new ArrayList<>();
    for (int i = 0; i < m.buffersLength(); i++) {
      buffers.add(buffer(m.buffers(i), i));
    }
    int[] metadataBuffer = new int[m.metadataBufferLength()];
    for (int i = 0; i < metadataBuffer.length; i++) {
      metadataBuffer[i] = m.metadataBuffer(i);
    }
    List<Metadata> metadata = new ArrayList<>();
    for (int i = 0; i < m.metadataLength(); i++) {
      var md = m.metadata(i);
      metadata.add(new Metadata(str(md.name()), index(md.buffer(), "metadata[" + i + "].buffer")));
    }
    List<SignatureDef> signatures = new ArrayList<>();
    for (int i = 0; i < m.signatureDefsLength(); i++) {
      var s = m.signatureDefs(i);
      String where = "signature_defs[" + i + "]";
      List<SignatureDef.TensorMap> ins = new ArrayList<>();
      for (int j = 0; j < s.inputsLength(); j++) {
        ins.add(
            new SignatureDef.TensorMap(
                str(s.inputs(j).name()),
                index(s.inputs(j).tensorIndex(), where + ".inputs[" + j + "]")));
      }
      List<SignatureDef.TensorMap> outs = new ArrayList<>();
      for (int j = 0; j < s.outputsLength(); j++) {
        outs.add(
            new SignatureDef.TensorMap(
                str(s.outputs(j).name()),
                index(s.outputs(j).tensorIndex(), where + ".outputs[" + j + "]")));
      }
      signatures.add(
          new SignatureDef(
              str(s.signatureKey()),
              index(s.subgraphIndex(), where + ".subgraph_index"),
              ins,
              outs));
    }
    return new Model(
        m.version(),
        codes,
        subgraphs,
        str(m.description()),
        buffers,
        IntArray.of(metadataBuffer),
        metadata,
        signatures);
  }

  private OperatorCode operatorCode(org.edgetpu4j.tflite.schema.OperatorCode c, int i)
      throws ModelFormatException {
    int code = Math.max(c.deprecatedBuiltinCode(), c.builtinCode());
    BuiltinOp op = BuiltinOp.fromCode(code).orElse(null);
    if (op == null) {
      throw new ModelFormatException(
          "operator_codes["
              + i
              + "]: builtin code "
              + code
              + " is not a known operator (expected 0.."
              + BuiltinOp.maxCode()
              + ")");
    }
    if (c.version() < 1) {
      throw new ModelFormatException(
          "operator_codes["
              + i
              + "] ("
              + op
              + "): version "
              + c.version()
              + "; expected 1 or more");
    }
    return new OperatorCode(op, Optional.ofNullable(c.customCode()), c.version());
  }

  private Subgraph subgraph(SubGraph g, int s) throws ModelFormatException {
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < g.tensorsLength(); i++) {
      tensors.add(tensor(g.tensors(i), "subgraphs[" + s + "].tensors[" + i + "]"));
    }
    int[] inputs = new int[g.inputsLength()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = g.inputs(i);
    }
    int[] outputs = new int[g.outputsLength()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = g.outputs(i);
    }
    List<Operator> operators = new ArrayList<>();
    for (int i = 0; i < g.operatorsLength(); i++) {
      operators.add(operator(g.operators(i), "subgraphs[" + s + "].operators[" + i + "]"));
    }
    return new Subgraph(
        str(g.name()), tensors, IntArray.of(inputs), IntArray.of(outputs), operators);
  }

  private Tensor tensor(org.edgetpu4j.tflite.schema.Tensor t, String where)
      throws ModelFormatException {
    int[] shape = new int[t.shapeLength()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.shape(i);
    }
    int[] signature = new int[t.shapeSignatureLength()];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = t.shapeSignature(i);
    }
    List<VariantSubType> variants = new ArrayList<>();
    for (int i = 0; i < t.variantTensorsLength(); i++) {
      var v = t.variantTensors(i);
      int[] vs = new int[v.shapeLength()];
      for (int j = 0; j < vs.length; j++) {
        vs[j] = v.shape(j);
      }
      variants.add(
          new VariantSubType(
              IntArray.of(vs), type(v.type(), where + ".variant_tensors[" + i + "]"), v.hasRank()));
    }
    SparsityParameters sp = t.sparsity();
    return new Tensor(
        str(t.name()),
        type(t.type(), where),
        IntArray.of(shape),
        IntArray.of(signature),
        index(t.buffer(), where + ".buffer"),
        quantization(t.quantization(), where),
        t.isVariable(),
        t.hasRank(),
        sp == null ? Optional.empty() : Optional.of(sparsity(sp, where)),
        variants);
  }

  private static TensorType type(byte code, String where) throws ModelFormatException {
    return TensorType.fromCode(code)
        .orElseThrow(
            () ->
                new ModelFormatException(
                    where
                        + ": tensor type "
                        + code
                        + " is not a known TensorType (expected 0.."
                        + (TensorType.values().length - 1)
                        + ")"));
  }

  private QuantParams quantization(QuantizationParameters q, String where) {
    if (q == null) {
      return QuantParams.NONE;
    }
    float[] scale = new float[q.scaleLength()];
    for (int i = 0; i < scale.length; i++) {
      scale[i] = q.scale(i);
    }
    long[] zeroPoint = new long[q.zeroPointLength()];
    for (int i = 0; i < zeroPoint.length; i++) {
      zeroPoint[i] = q.zeroPoint(i);
    }
    float[] min = new float[q.minLength()];
    for (int i = 0; i < min.length; i++) {
      min[i] = q.min(i);
    }
    float[] max = new float[q.maxLength()];
    for (int i = 0; i < max.length; i++) {
      max[i] = q.max(i);
    }
    ByteArray custom = ByteArray.empty();
    if (q.detailsType() != 0) {
      CustomQuantization c = (CustomQuantization) q.details(new CustomQuantization());
      if (c != null && c.customLength() > 0) {
        custom = ByteArray.copyOf(c.customAsByteBuffer());
      }
    }
    return new QuantParams(
        FloatArray.of(scale),
        LongArray.of(zeroPoint),
        q.quantizedDimension(),
        FloatArray.of(min),
        FloatArray.of(max),
        custom);
  }

  private Sparsity sparsity(SparsityParameters sp, String where) {
    int[] order = new int[sp.traversalOrderLength()];
    for (int i = 0; i < order.length; i++) {
      order[i] = sp.traversalOrder(i);
    }
    int[] blockMap = new int[sp.blockMapLength()];
    for (int i = 0; i < blockMap.length; i++) {
      blockMap[i] = sp.blockMap(i);
    }
    List<Sparsity.DimensionMetadata> dims = new ArrayList<>();
    for (int i = 0; i < sp.dimMetadataLength(); i++) {
      DimensionMetadata d = sp.dimMetadata(i);
      dims.add(
          new Sparsity.DimensionMetadata(
              d.format() != 0,
              d.denseSize(),
              d.arraySegmentsType() == 0
                  ? Sparsity.IndexVector.ABSENT
                  : indexVector(
                      d.arraySegmentsType(), d.arraySegments(new OptionsCodec.RawTable())),
              d.arrayIndicesType() == 0
                  ? Sparsity.IndexVector.ABSENT
                  : indexVector(
                      d.arrayIndicesType(), d.arrayIndices(new OptionsCodec.RawTable()))));
    }
    return new Sparsity(IntArray.of(order), IntArray.of(blockMap), dims);
  }

  private Sparsity.IndexVector indexVector(byte type, com.google.flatbuffers.Table t) {
    if (type == 0 || t == null) {
      return Sparsity.IndexVector.ABSENT;
    }
    int pos = ((OptionsCodec.RawTable) t).position();
    int[] values;
    int width;
    switch (type) {
      case 1 -> {
        Int32Vector v = new Int32Vector().__assign(pos, bb);
        values = new int[v.valuesLength()];
        for (int i = 0; i < values.length; i++) {
          values[i] = v.values(i);
        }
        width = 32;
      }
      case 2 -> {
        Uint16Vector v = new Uint16Vector().__assign(pos, bb);
        values = new int[v.valuesLength()];
        for (int i = 0; i < values.length; i++) {
          values[i] = v.values(i);
        }
        width = 16;
      }
      default -> {
        Uint8Vector v = new Uint8Vector().__assign(pos, bb);
        values = new int[v.valuesLength()];
        for (int i = 0; i < values.length; i++) {
          values[i] = v.values(i);
        }
        width = 8;
      }
    }
    return new Sparsity.IndexVector(width, IntArray.of(values));
  }

  private Operator operator(org.edgetpu4j.tflite.schema.Operator o, String where)
      throws ModelFormatException {
    int[] inputs = new int[o.inputsLength()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = o.inputs(i);
    }
    int[] outputs = new int[o.outputsLength()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = o.outputs(i);
    }
    int[] intermediates = new int[o.intermediatesLength()];
    for (int i = 0; i < intermediates.length; i++) {
      intermediates[i] = o.intermediates(i);
    }
    List<Boolean> mutating = new ArrayList<>();
    for (int i = 0; i < o.mutatingVariableInputsLength(); i++) {
      mutating.add(o.mutatingVariableInputs(i));
    }
    // A union's value is only read when its type says there is one, as the verifier does.
    int type1 = o.builtinOptionsType() & 0xFF;
    BuiltinOptions options1 =
        OptionsCodec.decode(
            "BuiltinOptions",
            type1,
            type1 == 0
                ? null
                : (OptionsCodec.RawTable) o.builtinOptions(new OptionsCodec.RawTable()),
            bb);
    int type2 = o.builtinOptions2Type() & 0xFF;
    BuiltinOptions options2 =
        OptionsCodec.decode(
            "BuiltinOptions2",
            type2,
            type2 == 0
                ? null
                : (OptionsCodec.RawTable) o.builtinOptions2(new OptionsCodec.RawTable()),
            bb);
    ByteArray custom =
        o.customOptionsLength() > 0
            ? ByteArray.copyOf(o.customOptionsAsByteBuffer())
            : external(
                o.largeCustomOptionsOffset(),
                o.largeCustomOptionsSize(),
                where + ".large_custom_options");
    return new Operator(
        index(o.opcodeIndex(), where + ".opcode_index"),
        IntArray.of(inputs),
        IntArray.of(outputs),
        options1,
        options2,
        custom,
        mutating,
        IntArray.of(intermediates));
  }

  private Buffer buffer(org.edgetpu4j.tflite.schema.Buffer b, int i) throws ModelFormatException {
    if (b.dataLength() > 0) {
      return new Buffer(ByteArray.copyOf(b.dataAsByteBuffer()));
    }
    return new Buffer(external(b.offset(), b.size(), "buffers[" + i + "]"));
  }

  /**
   * Data stored after the flatbuffer at a file offset (models over 2 GiB); offset ≤ 1 means none.
   */
  private ByteArray external(long offset, long size, String where) throws ModelFormatException {
    if (offset <= 1) {
      return ByteArray.empty();
    }
    long limit = bb.limit();
    if (size < 0 || offset > limit || size > limit - offset) {
      throw new ModelFormatException(
          where
              + ": data at file offset "
              + offset
              + " of "
              + size
              + " bytes lies outside the "
              + limit
              + "-byte file");
    }
    ByteBuffer slice = bb.duplicate();
    slice.position((int) offset).limit((int) (offset + size));
    return ByteArray.copyOf(slice);
  }

  private static int index(long value, String where) throws ModelFormatException {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new ModelFormatException(where + ": index " + value + " is out of range");
    }
    return (int) value;
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }
}
