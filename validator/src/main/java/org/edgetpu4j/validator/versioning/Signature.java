package org.edgetpu4j.validator.versioning;

import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;

/** The parts of an operator that decide its version: tensor types, shapes and options. */
final class Signature {
  private final Subgraph subgraph;
  private final Operator op;

  Signature(Model model, Subgraph subgraph, Operator op) {
    this.subgraph = subgraph;
    this.op = op;
  }

  /** Number of input slots, absent optional inputs (-1) included. */
  int inputCount() {
    return op.inputs().length();
  }

  /** The tensor of input {@code i}, or null when absent. */
  Tensor input(int i) {
    int t = op.input(i);
    return t < 0 || t >= subgraph.tensors().size() ? null : subgraph.tensor(t);
  }

  /** The tensor of output {@code i}, or null when absent. */
  Tensor output(int i) {
    if (i >= op.outputs().length()) {
      return null;
    }
    int t = op.output(i);
    return t < 0 || t >= subgraph.tensors().size() ? null : subgraph.tensor(t);
  }

  /** Type of input {@code i}, null when absent. */
  TensorType in(int i) {
    Tensor t = input(i);
    return t == null ? null : t.type();
  }

  /** Type of output {@code i}, null when absent. */
  TensorType out(int i) {
    Tensor t = output(i);
    return t == null ? null : t.type();
  }

  /** Rank of input {@code i}, 0 when absent. */
  int rank(int i) {
    Tensor t = input(i);
    return t == null ? 0 : t.rank();
  }

  /** True when input {@code i} has more than one scale (per-channel quantization). */
  boolean perChannel(int i) {
    Tensor t = input(i);
    return t != null && t.quantization().isPerChannel();
  }

  /** The first scale of input {@code i}, 0 when there is none. */
  float inScale(int i) {
    Tensor t = input(i);
    return t == null || !t.quantization().isQuantized() ? 0f : t.quantization().scale().get(0);
  }

  /** The first scale of output 0, 0 when there is none. */
  float outScale() {
    Tensor t = output(0);
    return t == null || !t.quantization().isQuantized() ? 0f : t.quantization().scale().get(0);
  }

  /** True when input 0 and 1 have different shapes (the operator broadcasts). */
  boolean broadcasts() {
    Tensor a = input(0);
    Tensor b = input(1);
    return a != null && b != null && !a.shape().equals(b.shape());
  }

  /** The largest input rank. */
  int maxInputRank() {
    int max = 0;
    for (int i = 0; i < inputCount(); i++) {
      max = Math.max(max, rank(i));
    }
    return max;
  }

  /** The operator's builtin options. */
  BuiltinOptions options() {
    return op.builtinOptions();
  }

  /** A boolean option, false when the options table lacks it. */
  boolean flag(String field) {
    return options().has(field) && options().getBool(field);
  }

  /** An integer option, {@code dflt} when the options table lacks it. */
  long number(String field, long dflt) {
    return options().has(field) ? options().getLong(field) : dflt;
  }

  /** True when input {@code i} has type {@code t}. */
  boolean inIs(int i, TensorType t) {
    return in(i) == t;
  }

  /** True when input 0, input 1 and output 0 have types a, b, c. */
  boolean types(TensorType a, TensorType b, TensorType c) {
    return in(0) == a && in(1) == b && out(0) == c;
  }
}
