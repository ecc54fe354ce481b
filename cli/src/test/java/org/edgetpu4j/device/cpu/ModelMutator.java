package org.edgetpu4j.device.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.testing.ModelEdits;

/**
 * Semantic mutations of decoded models: operator options, tensor shapes and types, quantization,
 * constant data, operator wiring and codes. The results are written with the project's writer, so
 * most of them are models the reader accepts and the interpreter must judge.
 */
final class ModelMutator {
  static final String[] KINDS = {
    "option", "shape", "quantization", "constant", "type", "wiring", "opcode", "bits"
  };

  private static final long[] SPECIAL_INTS = {
    0,
    1,
    2,
    3,
    -1,
    -2,
    7,
    64,
    255,
    256,
    1 << 15,
    1 << 16,
    1 << 20,
    1 << 30,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    1L << 32,
    46341,
    65535,
    -128,
    127
  };
  private static final float[] SPECIAL_FLOATS = {
    0f,
    -0f,
    -1f,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    1e-30f,
    1e30f,
    Float.MIN_VALUE,
    Float.MAX_VALUE,
    1f,
    0.5f,
    3e-9f
  };

  private ModelMutator() {}

  static long specialInt(Random r) {
    return r.nextInt(4) == 0 ? r.nextInt(64) - 8 : SPECIAL_INTS[r.nextInt(SPECIAL_INTS.length)];
  }

  static float specialFloat(Random r) {
    return r.nextInt(4) == 0 ? r.nextFloat() * 2 : SPECIAL_FLOATS[r.nextInt(SPECIAL_FLOATS.length)];
  }

  /** A mutation of kind {@code kind} (index into {@link #KINDS}); null when not applicable. */
  static Model mutate(Model m, int kind, Random r) {
    var sg = m.mainSubgraph();
    int nt = sg.tensors().size();
    int no = sg.operators().size();
    if (nt == 0 || no == 0) {
      return null;
    }
    int t = r.nextInt(nt);
    int op = r.nextInt(no);
    return switch (kind) {
      case 0 -> option(m, op, r);
      case 1 -> shape(m, t, r);
      case 2 -> quantization(m, t, r);
      case 3 -> constant(m, r);
      case 4 -> type(m, t, r);
      case 5 -> wiring(m, op, r);
      case 6 -> opcode(m, op, r);
      default -> null; // "bits" works on bytes: see InterpreterFuzzTest
    };
  }

  private static Model option(Model m, int op, Random r) {
    BuiltinOptions opts = m.mainSubgraph().operators().get(op).builtinOptions();
    if (opts.isNone() || opts.values().isEmpty()) {
      return null;
    }
    List<String> fields = new ArrayList<>(opts.values().keySet());
    String f = fields.get(r.nextInt(fields.size()));
    Object v = opts.values().get(f);
    Object nv;
    if (v instanceof Boolean b) {
      nv = !b;
    } else if (v instanceof Long) {
      nv = specialInt(r);
    } else if (v instanceof Double) {
      nv = (double) specialFloat(r);
    } else if (v instanceof LongArray a) {
      long[] x = a.toArray();
      if (x.length == 0 || r.nextInt(4) == 0) {
        x = java.util.Arrays.copyOf(x, x.length + 1);
      }
      x[r.nextInt(x.length)] = specialInt(r);
      nv = LongArray.of(x);
    } else if (v instanceof FloatArray a && a.length() > 0) {
      float[] x = a.toArray();
      x[r.nextInt(x.length)] = specialFloat(r);
      nv = FloatArray.of(x);
    } else {
      return null;
    }
    try {
      return ModelEdits.withOption(m, op, f, nv);
    } catch (RuntimeException e) {
      return null; // the options record refuses the value's form (an enum code out of range)
    }
  }

  private static Model shape(Model m, int t, Random r) {
    int[] s = m.mainSubgraph().tensor(t).shape().toArray();
    int choice = r.nextInt(s.length == 0 ? 1 : 4);
    if (choice == 0) {
      s = java.util.Arrays.copyOf(s, s.length + 1);
      s[s.length - 1] = 1 + r.nextInt(3);
    } else if (choice == 1) {
      s = java.util.Arrays.copyOf(s, s.length - 1);
    } else {
      s[r.nextInt(s.length)] = (int) specialInt(r);
    }
    return ModelEdits.withShape(m, t, s);
  }

  private static Model quantization(Model m, int t, Random r) {
    QuantParams q = m.mainSubgraph().tensor(t).quantization();
    float[] scales = q.scale().toArray();
    long[] zps = q.zeroPoint().toArray();
    if (scales.length == 0 || r.nextInt(5) == 0) {
      scales = new float[] {specialFloat(r)};
      zps = new long[] {specialInt(r)};
      return ModelEdits.withQuant(m, t, QuantParams.perTensor(scales[0], zps[0]));
    }
    int i = r.nextInt(scales.length);
    if (r.nextBoolean()) {
      scales[i] = specialFloat(r);
    } else if (zps.length > 0) {
      zps[i % zps.length] = specialInt(r);
    }
    return ModelEdits.withQuant(
        m,
        t,
        new QuantParams(
            FloatArray.of(scales),
            LongArray.of(zps),
            q.quantizedDimension(),
            q.min(),
            q.max(),
            q.custom()));
  }

  private static Model constant(Model m, Random r) {
    var sg = m.mainSubgraph();
    List<Integer> constants = new ArrayList<>();
    for (int t = 0; t < sg.tensors().size(); t++) {
      if (m.isConstant(sg.tensor(t))) {
        constants.add(t);
      }
    }
    if (constants.isEmpty()) {
      return null;
    }
    int t = constants.get(r.nextInt(constants.size()));
    byte[] data = m.data(sg.tensor(t)).toArray();
    if (data.length == 0) {
      return null;
    }
    int writes = 1 + r.nextInt(3);
    for (int k = 0; k < writes; k++) {
      int pos = r.nextInt(data.length) & ~3;
      long v = r.nextBoolean() ? specialInt(r) : r.nextInt();
      for (int b = 0; b < 4 && pos + b < data.length; b++) {
        data[pos + b] = (byte) (v >>> (8 * b));
      }
    }
    return ModelEdits.withBuffer(m, sg.tensor(t).buffer(), data);
  }

  private static Model type(Model m, int t, Random r) {
    TensorType[] types = {
      TensorType.INT8,
      TensorType.UINT8,
      TensorType.INT16,
      TensorType.INT32,
      TensorType.FLOAT32,
      TensorType.INT64,
      TensorType.BOOL,
      TensorType.FLOAT16
    };
    TensorType nt = types[r.nextInt(types.length)];
    return ModelEdits.withType(m, t, nt);
  }

  private static Model wiring(Model m, int op, Random r) {
    int nt = m.mainSubgraph().tensors().size();
    return ModelEdits.withOperator(
        m,
        op,
        o -> {
          int[] ins = o.inputs().toArray();
          int choice = r.nextInt(3);
          if (ins.length > 0 && choice == 0) {
            ins[r.nextInt(ins.length)] = r.nextInt(4) == 0 ? -1 : r.nextInt(nt);
          } else if (choice == 1 && ins.length > 0) {
            ins = java.util.Arrays.copyOf(ins, ins.length - 1);
          } else {
            ins = java.util.Arrays.copyOf(ins, ins.length + 1);
            ins[ins.length - 1] = r.nextInt(nt);
          }
          return new Operator(
              o.opcodeIndex(),
              IntArray.of(ins),
              o.outputs(),
              o.builtinOptions(),
              o.builtinOptions2(),
              o.customOptions(),
              o.mutatingVariableInputs(),
              o.intermediates());
        });
  }

  private static Model opcode(Model m, int op, Random r) {
    int c = m.mainSubgraph().operators().get(op).opcodeIndex();
    OperatorCode old = m.operatorCodes().get(c);
    if (old.isCustom()) {
      return null;
    }
    OperatorCode nc =
        r.nextBoolean()
            ? OperatorCode.builtin(old.op(), 1 + r.nextInt(Math.max(1, old.version() + 2)))
            : OperatorCode.builtin(pickSimilar(r), old.version());
    return ModelEdits.withOpcode(m, c, nc);
  }

  /** Operators whose options tables are often interchangeable with others of the same inputs. */
  private static BuiltinOp pickSimilar(Random r) {
    BuiltinOp[] ops = {
      BuiltinOp.ADD,
      BuiltinOp.SUB,
      BuiltinOp.MUL,
      BuiltinOp.MAXIMUM,
      BuiltinOp.MINIMUM,
      BuiltinOp.RELU,
      BuiltinOp.RELU6,
      BuiltinOp.LOGISTIC,
      BuiltinOp.TANH,
      BuiltinOp.SOFTMAX,
      BuiltinOp.RESHAPE,
      BuiltinOp.SQUEEZE,
      BuiltinOp.MEAN,
      BuiltinOp.PAD,
      BuiltinOp.PADV2,
      BuiltinOp.QUANTIZE,
      BuiltinOp.DEQUANTIZE,
      BuiltinOp.CONCATENATION,
      BuiltinOp.PACK,
      BuiltinOp.SHAPE,
      BuiltinOp.HARD_SWISH,
      BuiltinOp.L2_NORMALIZATION,
      BuiltinOp.EXP,
      BuiltinOp.SQRT,
      BuiltinOp.LEAKY_RELU
    };
    return ops[r.nextInt(ops.length)];
  }
}
