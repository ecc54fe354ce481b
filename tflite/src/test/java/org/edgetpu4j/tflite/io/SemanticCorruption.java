package org.edgetpu4j.tflite.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;

/** Structurally valid models with one semantic defect each, built from real models. */
enum SemanticCorruption {
  NEGATIVE_DIMENSION("negative dimension") {
    @Override
    Model apply(Model m) {
      return withTensor(m, firstActivation(m), t -> t.withShape(IntArray.of(1, -1, 3)));
    }
  },
  HUGE_SHAPE("2 GiB") {
    @Override
    Model apply(Model m) {
      return withTensor(m, firstActivation(m), t -> t.withShape(IntArray.of(65536, 65536, 4)));
    }
  },
  CONSTANT_TOO_SHORT("constant buffer") {
    @Override
    Model apply(Model m) {
      int t = firstConstant(m);
      if (t < 0) {
        return null;
      }
      return withTensor(
          m,
          t,
          x -> {
            int[] shape = x.shape().toArray();
            shape[0] *= 2;
            return x.withShape(IntArray.of(shape));
          });
    }
  },
  BUFFER_INDEX("buffer") {
    @Override
    Model apply(Model m) {
      int bad = m.buffers().size() + 3;
      return withTensor(
          m,
          0,
          t ->
              new Tensor(
                  t.name(),
                  t.type(),
                  t.shape(),
                  t.shapeSignature(),
                  bad,
                  t.quantization(),
                  t.isVariable(),
                  t.hasRank(),
                  t.sparsity(),
                  t.variantTensors()));
    }
  },
  ZERO_POINT_COUNT("zero points") {
    @Override
    Model apply(Model m) {
      Subgraph g = m.mainSubgraph();
      for (int i = 0; i < g.tensors().size(); i++) {
        QuantParams q = g.tensor(i).quantization();
        if (q.isQuantized()) {
          long[] zp = new long[q.zeroPoint().length() + 1];
          QuantParams bad =
              new QuantParams(
                  q.scale(),
                  LongArray.of(zp),
                  q.quantizedDimension(),
                  FloatArray.empty(),
                  FloatArray.empty(),
                  q.custom());
          return withTensor(
              m,
              i,
              t ->
                  new Tensor(
                      t.name(),
                      t.type(),
                      t.shape(),
                      t.shapeSignature(),
                      t.buffer(),
                      bad,
                      t.isVariable(),
                      t.hasRank(),
                      t.sparsity(),
                      t.variantTensors()));
        }
      }
      return null;
    }
  },
  INPUT_INDEX("refers to tensor") {
    @Override
    Model apply(Model m) {
      int bad = m.mainSubgraph().tensors().size() + 5;
      return withOperator(
          m,
          0,
          op -> {
            int[] in = op.inputs().toArray();
            in[0] = bad;
            return new Operator(
                op.opcodeIndex(),
                IntArray.of(in),
                op.outputs(),
                op.builtinOptions(),
                op.builtinOptions2(),
                op.customOptions(),
                op.mutatingVariableInputs(),
                op.intermediates());
          });
    }
  },
  OPCODE_INDEX("operator code") {
    @Override
    Model apply(Model m) {
      int bad = m.operatorCodes().size();
      return withOperator(
          m,
          0,
          op ->
              new Operator(
                  bad,
                  op.inputs(),
                  op.outputs(),
                  op.builtinOptions(),
                  op.builtinOptions2(),
                  op.customOptions(),
                  op.mutatingVariableInputs(),
                  op.intermediates()));
    }
  },
  OPERATORS_REVERSED("executable order") {
    @Override
    Model apply(Model m) {
      Subgraph g = m.mainSubgraph();
      if (!lastReadsAnotherOperatorsOutput(g)) {
        return null; // reversing independent operators keeps a valid order
      }
      List<Operator> ops = new ArrayList<>(g.operators());
      Collections.reverse(ops);
      return withSubgraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops));
    }
  },
  OUTPUT_INDEX("outputs[0]") {
    @Override
    Model apply(Model m) {
      Subgraph g = m.mainSubgraph();
      int[] outs = g.outputs().toArray();
      outs[0] = -7;
      return withSubgraph(
          m, new Subgraph(g.name(), g.tensors(), g.inputs(), IntArray.of(outs), g.operators()));
    }
  },
  SCHEMA_VERSION("schema version") {
    @Override
    Model apply(Model m) {
      return new Model(
          2,
          m.operatorCodes(),
          m.subgraphs(),
          m.description(),
          m.buffers(),
          m.metadataBuffer(),
          m.metadata(),
          m.signatureDefs());
    }
  };

  private final String expectedInMessage;

  SemanticCorruption(String expectedInMessage) {
    this.expectedInMessage = expectedInMessage;
  }

  /** The corrupted model, or null when the corruption does not apply to {@code m}. */
  abstract Model apply(Model m);

  String expectedInMessage() {
    return expectedInMessage;
  }

  static boolean lastReadsAnotherOperatorsOutput(Subgraph g) {
    List<Operator> ops = g.operators();
    if (ops.size() < 2) {
      return false;
    }
    Operator last = ops.get(ops.size() - 1);
    for (int i = 0; i < ops.size() - 1; i++) {
      for (int o = 0; o < ops.get(i).outputs().length(); o++) {
        for (int j = 0; j < last.inputs().length(); j++) {
          if (last.inputs().get(j) == ops.get(i).output(o)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static int firstActivation(Model m) {
    Subgraph g = m.mainSubgraph();
    return g.operators().isEmpty() ? g.inputs().get(0) : g.operators().get(0).output(0);
  }

  static int firstConstant(Model m) {
    Subgraph g = m.mainSubgraph();
    for (int i = 0; i < g.tensors().size(); i++) {
      Tensor t = g.tensor(i);
      if (m.isConstant(t)
          && t.rank() > 0
          && t.type().hasFixedSize()
          && t.sparsity().isEmpty()
          && t.shape().get(0) > 0) {
        return i;
      }
    }
    return -1;
  }

  static Model withTensor(Model m, int index, UnaryOperator<Tensor> change) {
    Subgraph g = m.mainSubgraph();
    List<Tensor> tensors = new ArrayList<>(g.tensors());
    tensors.set(index, change.apply(tensors.get(index)));
    return withSubgraph(m, new Subgraph(g.name(), tensors, g.inputs(), g.outputs(), g.operators()));
  }

  static Model withOperator(Model m, int index, UnaryOperator<Operator> change) {
    Subgraph g = m.mainSubgraph();
    List<Operator> ops = new ArrayList<>(g.operators());
    if (ops.isEmpty()) {
      return null;
    }
    ops.set(index, change.apply(ops.get(index)));
    return withSubgraph(m, new Subgraph(g.name(), g.tensors(), g.inputs(), g.outputs(), ops));
  }

  static Model withSubgraph(Model m, Subgraph g) {
    List<Subgraph> subgraphs = new ArrayList<>(m.subgraphs());
    subgraphs.set(0, g);
    return new Model(
        m.version(),
        m.operatorCodes(),
        subgraphs,
        m.description(),
        m.buffers(),
        m.metadataBuffer(),
        m.metadata(),
        m.signatureDefs());
  }
}
