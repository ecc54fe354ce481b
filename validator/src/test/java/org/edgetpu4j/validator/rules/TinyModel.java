package org.edgetpu4j.validator.rules;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.ByteArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;

/**
 * Builds tiny models for rule tests. {@link #build()} writes the model with the TFLite writer and
 * reads it back, so every rule test also runs on a real flatbuffer.
 */
final class TinyModel {
  private final List<Tensor> tensors = new ArrayList<>();
  private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
  private final List<OperatorCode> codes = new ArrayList<>();
  private final List<Operator> ops = new ArrayList<>();
  private int[] inputs = new int[0];
  private int[] outputs = new int[0];
  private int extraSubgraphs;

  static QuantParams q(double scale, long zp) {
    return QuantParams.perTensor((float) scale, zp);
  }

  static QuantParams perChannel(int channels, double scale, int dim) {
    float[] s = new float[channels];
    long[] z = new long[channels];
    Arrays.fill(s, (float) scale);
    return QuantParams.perChannel(s, z, dim);
  }

  /** A run-time tensor. */
  int act(String name, TensorType type, QuantParams q, int... shape) {
    tensors.add(Tensor.of(name, type, IntArray.of(shape), 0, q));
    return tensors.size() - 1;
  }

  /** A run-time tensor with a shape signature. */
  int dynamic(String name, TensorType type, QuantParams q, int[] signature, int... shape) {
    tensors.add(
        new Tensor(
            name,
            type,
            IntArray.of(shape),
            IntArray.of(signature),
            0,
            q,
            false,
            true,
            Optional.empty(),
            List.of()));
    return tensors.size() - 1;
  }

  /** A constant tensor holding {@code data}. */
  int constant(String name, TensorType type, QuantParams q, byte[] data, int... shape) {
    buffers.add(Buffer.of(data));
    tensors.add(Tensor.of(name, type, IntArray.of(shape), buffers.size() - 1, q));
    return tensors.size() - 1;
  }

  /** A constant filled with {@code value} (one byte per element, or 4 for INT32). */
  int filled(String name, TensorType type, QuantParams q, int value, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    if (type == TensorType.INT32) {
      int[] v = new int[n];
      Arrays.fill(v, value);
      return constant(name, type, q, int32s(v), shape);
    }
    byte[] b = new byte[n * Math.max(1, type.bits() / 8)];
    Arrays.fill(b, (byte) value);
    return constant(name, type, q, b, shape);
  }

  /** An INT32 constant vector. */
  int ints(String name, int... values) {
    return constant(name, TensorType.INT32, QuantParams.NONE, int32s(values), values.length);
  }

  static byte[] int32s(int... values) {
    ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      bb.putInt(v);
    }
    return bb.array();
  }

  /** Adds an operator; returns its index. */
  int op(BuiltinOp op, int version, BuiltinOptions options, int[] in, int... out) {
    return add(OperatorCode.builtin(op, version), options, ByteArray.empty(), in, out);
  }

  /** Adds a custom operator; returns its index. */
  int custom(String name, byte[] customOptions, int[] in, int... out) {
    return add(
        OperatorCode.custom(name, 1), BuiltinOptions.NONE, ByteArray.of(customOptions), in, out);
  }

  private int add(
      OperatorCode code, BuiltinOptions options, ByteArray custom, int[] in, int[] out) {
    int index = codes.indexOf(code);
    if (index < 0) {
      codes.add(code);
      index = codes.size() - 1;
    }
    ops.add(
        new Operator(
            index,
            IntArray.of(in),
            IntArray.of(out),
            options,
            BuiltinOptions.NONE,
            custom,
            List.of(),
            IntArray.empty()));
    return ops.size() - 1;
  }

  static int[] in(int... t) {
    return t;
  }

  TinyModel io(int[] in, int... out) {
    this.inputs = in;
    this.outputs = out;
    return this;
  }

  TinyModel withExtraSubgraph() {
    extraSubgraphs++;
    return this;
  }

  /** Writes and re-reads the model. */
  Model build() {
    List<Subgraph> sgs = new ArrayList<>();
    sgs.add(new Subgraph("main", tensors, IntArray.of(inputs), IntArray.of(outputs), ops));
    for (int i = 0; i < extraSubgraphs; i++) {
      sgs.add(new Subgraph("body" + i, List.of(), IntArray.empty(), IntArray.empty(), List.of()));
    }
    Model m = new Model(3, codes, sgs, "tiny", buffers, IntArray.empty(), List.of(), List.of());
    try {
      return TfliteReader.read(TfliteWriter.toBytes(m));
    } catch (Exception e) {
      throw new IllegalStateException("tiny model does not round-trip: " + e.getMessage(), e);
    }
  }

  Report check() {
    return Validator.check(build(), Target.DEFAULT);
  }

  Report check(Target target) {
    return Validator.check(build(), target);
  }

  // ---- ready-made models

  static final double IN_SCALE = 0.5;
  static final double W_SCALE = 0.01;

  /** input [1,8,8,3] -> CONV_2D (per-channel INT8 weights, INT32 bias) -> [1,8,8,4]. */
  static TinyModel int8Conv() {
    return conv(
        TensorType.INT8, 3, BuiltinOptions.of("Conv2DOptions", "stride_w", 1, "stride_h", 1));
  }

  static TinyModel conv(TensorType act, int version, BuiltinOptions options) {
    TinyModel m = new TinyModel();
    boolean quant = act != TensorType.FLOAT32;
    int x =
        m.act(
            "x",
            act,
            quant ? q(IN_SCALE, act == TensorType.UINT8 ? 128 : -1) : QuantParams.NONE,
            1,
            8,
            8,
            3);
    TensorType wt =
        act == TensorType.UINT8 ? TensorType.UINT8 : quant ? TensorType.INT8 : TensorType.FLOAT32;
    int w = m.filled("w", wt, quant ? perChannel(4, W_SCALE, 0) : QuantParams.NONE, 1, 4, 3, 3, 3);
    int b =
        m.filled(
            "b",
            quant ? TensorType.INT32 : TensorType.FLOAT32,
            quant ? perChannel(4, IN_SCALE * W_SCALE, 0) : QuantParams.NONE,
            0,
            4);
    int y =
        m.act(
            "y",
            act,
            quant ? q(0.2, act == TensorType.UINT8 ? 130 : 3) : QuantParams.NONE,
            1,
            8,
            8,
            4);
    m.op(BuiltinOp.CONV_2D, version, options, in(x, w, b), y);
    return m.io(in(x), y);
  }

  /** A single operator from one INT8 [1,4,4,8] tensor to another with the same parameters. */
  static TinyModel unary(BuiltinOp op, int version, BuiltinOptions options) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    int y = m.act("y", TensorType.INT8, q(0.1, 0), 1, 4, 4, 8);
    m.op(op, version, options, in(x), y);
    return m.io(in(x), y);
  }
}
