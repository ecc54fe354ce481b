package org.edgetpu4j.tflite.io;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.List;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Metadata;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.SchemaLayout;
import org.edgetpu4j.tflite.SignatureDef;
import org.edgetpu4j.tflite.Sparsity;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.VariantSubType;
import org.edgetpu4j.tflite.schema.CustomQuantization;
import org.edgetpu4j.tflite.schema.DimensionMetadata;
import org.edgetpu4j.tflite.schema.Int32Vector;
import org.edgetpu4j.tflite.schema.QuantizationDetails;
import org.edgetpu4j.tflite.schema.QuantizationParameters;
import org.edgetpu4j.tflite.schema.SparseIndexVector;
import org.edgetpu4j.tflite.schema.SparsityParameters;
import org.edgetpu4j.tflite.schema.SubGraph;
import org.edgetpu4j.tflite.schema.TensorMap;
import org.edgetpu4j.tflite.schema.Uint16Vector;
import org.edgetpu4j.tflite.schema.Uint8Vector;

/** Encodes model records as TFLite FlatBuffer bytes, without checking them. */
final class ModelEncoder {
  /** Alignment of buffer data, so that any element type can be read in place. */
  private static final int DATA_ALIGNMENT = 16;

  private static final SchemaLayout SCHEMA = SchemaLayout.tflite();

  private final FlatBufferBuilder b;

  private ModelEncoder(int sizeHint) {
    b = new FlatBufferBuilder(sizeHint);
  }

  static byte[] encode(Model model) {
    long hint = 1024;
    for (Buffer buf : model.buffers()) {
      hint += buf.data().length() + DATA_ALIGNMENT + 16;
    }
    ModelEncoder e = new ModelEncoder((int) Math.min(hint + hint / 8, Integer.MAX_VALUE - 8));
    return e.model(model);
  }

  private byte[] model(Model m) {
    int[] buffers = new int[m.buffers().size()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = buffer(m.buffers().get(i));
    }
    int[] codes = new int[m.operatorCodes().size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = operatorCode(m.operatorCodes().get(i));
    }
    int[] subgraphs = new int[m.subgraphs().size()];
    for (int i = 0; i < subgraphs.length; i++) {
      subgraphs[i] = subgraph(m.subgraphs().get(i));
    }
    int[] metadata = new int[m.metadata().size()];
    for (int i = 0; i < metadata.length; i++) {
      Metadata md = m.metadata().get(i);
      metadata[i] =
          org.edgetpu4j.tflite.schema.Metadata.createMetadata(b, string(md.name()), md.buffer());
    }
    int[] signatures = new int[m.signatureDefs().size()];
    for (int i = 0; i < signatures.length; i++) {
      signatures[i] = signature(m.signatureDefs().get(i));
    }
    int model =
        org.edgetpu4j.tflite.schema.Model.createModel(
            b,
            m.version(),
            org.edgetpu4j.tflite.schema.Model.createOperatorCodesVector(b, codes),
            org.edgetpu4j.tflite.schema.Model.createSubgraphsVector(b, subgraphs),
            string(m.description()),
            org.edgetpu4j.tflite.schema.Model.createBuffersVector(b, buffers),
            ints(m.metadataBuffer()),
            metadata.length == 0
                ? 0
                : org.edgetpu4j.tflite.schema.Model.createMetadataVector(b, metadata),
            signatures.length == 0
                ? 0
                : org.edgetpu4j.tflite.schema.Model.createSignatureDefsVector(b, signatures));
    org.edgetpu4j.tflite.schema.Model.finishModelBuffer(b, model);
    return b.sizedByteArray();
  }

  private int buffer(Buffer buf) {
    int data = 0;
    ByteArray bytes = buf.data();
    if (!bytes.isEmpty()) {
      b.startVector(1, bytes.length(), DATA_ALIGNMENT);
      for (int i = bytes.length() - 1; i >= 0; i--) {
        b.putByte(bytes.get(i));
      }
      data = b.endVector();
    }
    return org.edgetpu4j.tflite.schema.Buffer.createBuffer(b, data, 0, 0);
  }

  private int operatorCode(OperatorCode c) {
    int custom = c.customCode().map(b::createString).orElse(0);
    int code = c.op().code();
    return org.edgetpu4j.tflite.schema.OperatorCode.createOperatorCode(
        b, (byte) Math.min(code, 127), custom, c.version(), code);
  }

  private int subgraph(Subgraph g) {
    int[] tensors = new int[g.tensors().size()];
    for (int i = 0; i < tensors.length; i++) {
      tensors[i] = tensor(g.tensor(i));
    }
    int[] operators = new int[g.operators().size()];
    for (int i = 0; i < operators.length; i++) {
      operators[i] = operator(g.operators().get(i));
    }
    return SubGraph.createSubGraph(
        b,
        SubGraph.createTensorsVector(b, tensors),
        ints(g.inputs()),
        ints(g.outputs()),
        SubGraph.createOperatorsVector(b, operators),
        string(g.name()));
  }

  private int tensor(Tensor t) {
    int shape = ints(t.shape());
    int name = string(t.name());
    int quantization = quantization(t.quantization());
    int sparsity = t.sparsity().map(this::sparsity).orElse(0);
    int signature = ints(t.shapeSignature());
    int variants = 0;
    if (!t.variantTensors().isEmpty()) {
      int[] v = new int[t.variantTensors().size()];
      for (int i = 0; i < v.length; i++) {
        VariantSubType s = t.variantTensors().get(i);
        v[i] =
            org.edgetpu4j.tflite.schema.VariantSubType.createVariantSubType(
                b, ints(s.shape()), (byte) s.type().code(), s.hasRank());
      }
      variants = org.edgetpu4j.tflite.schema.Tensor.createVariantTensorsVector(b, v);
    }
    return org.edgetpu4j.tflite.schema.Tensor.createTensor(
        b,
        shape,
        (byte) t.type().code(),
        t.buffer(),
        name,
        quantization,
        t.isVariable(),
        sparsity,
        signature,
        t.hasRank(),
        variants);
  }

  private int quantization(QuantParams q) {
    if (q.isEmpty()) {
      return 0;
    }
    int min = q.min().isEmpty() ? 0 : QuantizationParameters.createMinVector(b, q.min().toArray());
    int max = q.max().isEmpty() ? 0 : QuantizationParameters.createMaxVector(b, q.max().toArray());
    int scale =
        q.scale().isEmpty() ? 0 : QuantizationParameters.createScaleVector(b, q.scale().toArray());
    int zeroPoint =
        q.zeroPoint().isEmpty()
            ? 0
            : QuantizationParameters.createZeroPointVector(b, q.zeroPoint().toArray());
    int details = 0;
    if (!q.custom().isEmpty()) {
      details =
          CustomQuantization.createCustomQuantization(
              b, CustomQuantization.createCustomVector(b, q.custom().toArray()));
    }
    return QuantizationParameters.createQuantizationParameters(
        b,
        min,
        max,
        scale,
        zeroPoint,
        details == 0 ? QuantizationDetails.NONE : QuantizationDetails.CustomQuantization,
        details,
        q.quantizedDimension());
  }

  private int sparsity(Sparsity s) {
    int[] dims = new int[s.dimMetadata().size()];
    for (int i = 0; i < dims.length; i++) {
      Sparsity.DimensionMetadata d = s.dimMetadata().get(i);
      int segments = indexVector(d.arraySegments());
      int indices = indexVector(d.arrayIndices());
      dims[i] =
          DimensionMetadata.createDimensionMetadata(
              b,
              (byte) (d.sparse() ? 1 : 0),
              d.denseSize(),
              unionType(d.arraySegments()),
              segments,
              unionType(d.arrayIndices()),
              indices);
    }
    return SparsityParameters.createSparsityParameters(
        b,
        ints(s.traversalOrder()),
        ints(s.blockMap()),
        SparsityParameters.createDimMetadataVector(b, dims));
  }

  private static byte unionType(Sparsity.IndexVector v) {
    return switch (v.width()) {
      case 32 -> SparseIndexVector.Int32Vector;
      case 16 -> SparseIndexVector.Uint16Vector;
      case 8 -> SparseIndexVector.Uint8Vector;
      default -> SparseIndexVector.NONE;
    };
  }

  private int indexVector(Sparsity.IndexVector v) {
    int[] values = v.values().toArray();
    switch (v.width()) {
      case 32:
        return Int32Vector.createInt32Vector(b, Int32Vector.createValuesVector(b, values));
      case 16:
        return Uint16Vector.createUint16Vector(b, Uint16Vector.createValuesVector(b, values));
      case 8:
        {
          byte[] s = new byte[values.length];
          for (int i = 0; i < s.length; i++) {
            s[i] = (byte) values[i];
          }
          return Uint8Vector.createUint8Vector(b, Uint8Vector.createValuesVector(b, s));
        }
      default:
        return 0;
    }
  }

  private int operator(Operator op) {
    int inputs = org.edgetpu4j.tflite.schema.Operator.createInputsVector(b, op.inputs().toArray());
    int outputs =
        org.edgetpu4j.tflite.schema.Operator.createOutputsVector(b, op.outputs().toArray());
    int options1 = OptionsCodec.encode(b, op.builtinOptions());
    int options2 = OptionsCodec.encode(b, op.builtinOptions2());
    int custom =
        op.customOptions().isEmpty()
            ? 0
            : org.edgetpu4j.tflite.schema.Operator.createCustomOptionsVector(
                b, op.customOptions().toArray());
    int mutating = 0;
    List<Boolean> flags = op.mutatingVariableInputs();
    if (!flags.isEmpty()) {
      boolean[] f = new boolean[flags.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = flags.get(i);
      }
      mutating = org.edgetpu4j.tflite.schema.Operator.createMutatingVariableInputsVector(b, f);
    }
    int intermediates = ints(op.intermediates());
    return org.edgetpu4j.tflite.schema.Operator.createOperator(
        b,
        op.opcodeIndex(),
        inputs,
        outputs,
        unionType("BuiltinOptions", op.builtinOptions()),
        options1,
        custom,
        (byte) 0,
        mutating,
        intermediates,
        0L,
        0L,
        unionType("BuiltinOptions2", op.builtinOptions2()),
        options2);
  }

  private static byte unionType(String union, BuiltinOptions options) {
    if (options.isNone()) {
      return 0;
    }
    int type = SCHEMA.union(union).typeOf(options.type());
    if (type < 0) {
      throw new IllegalArgumentException(options.type() + " is not a member of " + union);
    }
    return (byte) type;
  }

  private int signature(SignatureDef s) {
    int[] ins = new int[s.inputs().size()];
    for (int i = 0; i < ins.length; i++) {
      SignatureDef.TensorMap m = s.inputs().get(i);
      ins[i] = TensorMap.createTensorMap(b, string(m.name()), m.tensorIndex());
    }
    int[] outs = new int[s.outputs().size()];
    for (int i = 0; i < outs.length; i++) {
      SignatureDef.TensorMap m = s.outputs().get(i);
      outs[i] = TensorMap.createTensorMap(b, string(m.name()), m.tensorIndex());
    }
    return org.edgetpu4j.tflite.schema.SignatureDef.createSignatureDef(
        b,
        org.edgetpu4j.tflite.schema.SignatureDef.createInputsVector(b, ins),
        org.edgetpu4j.tflite.schema.SignatureDef.createOutputsVector(b, outs),
        string(s.key()),
        s.subgraphIndex());
  }

  private int ints(IntArray a) {
    if (a.isEmpty()) {
      return 0;
    }
    int[] values = a.toArray();
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }

  private int string(String s) {
    return s.isEmpty() ? 0 : b.createString(s);
  }
}
