package org.edgetpu4j.validator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.EdgeTpuStatus;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.versioning.OpVersions;
import org.edgetpu4j.validator.versioning.RequiredVersion;

/**
 * The model under check, the target, and facts several rules share. Operator indices are of
 * subgraph 0.
 */
public final class RuleContext {
  private final Model model;
  private final Target target;
  private final Subgraph main;
  private final List<Optional<RequiredVersion>> required;

  /** A context for checking {@code model} against {@code target}. */
  public RuleContext(Model model, Target target) {
    this.model = model;
    this.target = target;
    this.main = model.subgraphs().isEmpty() ? null : model.mainSubgraph();
    List<Optional<RequiredVersion>> req = new ArrayList<>();
    if (main != null) {
      for (Operator op : main.operators()) {
        req.add(OpVersions.required(model, main, op));
      }
    }
    this.required = List.copyOf(req);
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /** The target. */
  public Target target() {
    return target;
  }

  /** True when the model has a main subgraph. */
  public boolean hasMain() {
    return main != null;
  }

  /** Subgraph 0. */
  public Subgraph main() {
    return main;
  }

  /** Number of operators of subgraph 0. */
  public int opCount() {
    return main == null ? 0 : main.operators().size();
  }

  /** Operator {@code i} of subgraph 0. */
  public Operator op(int i) {
    return main.operators().get(i);
  }

  /** The builtin code of operator {@code i}. */
  public BuiltinOp code(int i) {
    return model.opcode(op(i)).op();
  }

  /** The display name of operator {@code i} ({@code CONV_2D}, {@code CUSTOM:Mfcc}). */
  public String opName(int i) {
    return model.opcode(op(i)).displayName();
  }

  /** The version the converter would assign operator {@code i}, empty for custom operators. */
  public Optional<RequiredVersion> required(int i) {
    return required.get(i);
  }

  /** Tensor {@code t} of subgraph 0, or null for -1 and out-of-range indices. */
  public Tensor tensor(int t) {
    return t < 0 || t >= main.tensors().size() ? null : main.tensor(t);
  }

  /** The tensor index of output {@code k} of operator {@code i}, -1 when there is none. */
  public int output(int i, int k) {
    var outs = op(i).outputs();
    return k < outs.length() ? outs.get(k) : -1;
  }

  /** True when {@code t} has constant data. */
  public boolean isConstant(Tensor t) {
    return t.buffer() > 0 && t.buffer() < model.buffers().size() && model.isConstant(t);
  }

  /**
   * Indices of the tensors operator {@code i} reads or writes at run time (no constants, no -1).
   */
  public List<Integer> activeTensors(int i) {
    List<Integer> out = new ArrayList<>();
    Operator op = op(i);
    for (int k = 0; k < op.inputs().length(); k++) {
      Tensor t = tensor(op.inputs().get(k));
      if (t != null && !isConstant(t) && !out.contains(op.inputs().get(k))) {
        out.add(op.inputs().get(k));
      }
    }
    for (int k = 0; k < op.outputs().length(); k++) {
      if (tensor(op.outputs().get(k)) != null && !out.contains(op.outputs().get(k))) {
        out.add(op.outputs().get(k));
      }
    }
    return out;
  }

  /** True when tensor {@code t} is an input of subgraph 0. */
  public boolean isGraphInput(int t) {
    for (int k = 0; k < main.inputs().length(); k++) {
      if (main.inputs().get(k) == t) {
        return true;
      }
    }
    return false;
  }

  /** True when tensor {@code t} is an output of subgraph 0. */
  public boolean isGraphOutput(int t) {
    for (int k = 0; k < main.outputs().length(); k++) {
      if (main.outputs().get(k) == t) {
        return true;
      }
    }
    return false;
  }

  /** Starts a finding of {@code rule} about the model as a whole. */
  public Builder finding(Rule rule) {
    return new Builder(rule);
  }

  /** Starts a finding of {@code rule} about operator {@code i}. */
  public Builder finding(Rule rule, int i) {
    Builder b = new Builder(rule);
    b.opIndex = i;
    b.opCode = opName(i);
    return b;
  }

  /** Fills in a {@link Finding}. */
  public final class Builder {
    private final Rule rule;
    private int subgraph;
    private int opIndex = -1;
    private String opCode = "";
    private int tensorIndex = -1;
    private String tensorName = "";
    private String message = "";
    private String hint = "";
    private EdgeTpuStatus status;

    private Builder(Rule rule) {
      this.rule = rule;
    }

    /** The subgraph, when not 0. */
    public Builder subgraph(int index, int op, String opName) {
      this.subgraph = index;
      this.opIndex = op;
      this.opCode = opName;
      return this;
    }

    /** The tensor at fault. */
    public Builder tensor(int t) {
      Tensor tensor = subgraph == 0 ? RuleContext.this.tensor(t) : null;
      this.tensorIndex = t;
      this.tensorName = tensor == null ? "" : tensor.name();
      return this;
    }

    /** What is wrong. */
    public Builder message(String text) {
      this.message = text;
      return this;
    }

    /** What to change. */
    public Builder hint(String text) {
      this.hint = text;
      return this;
    }

    /** The finding keeps the operator (or the model) off the Edge TPU with {@code s}. */
    public Builder blocks(EdgeTpuStatus s) {
      this.status = s;
      return this;
    }

    /** The finding. */
    public Finding build() {
      return new Finding(
          rule.id(),
          rule.severity(),
          subgraph,
          opIndex,
          opCode,
          tensorIndex,
          tensorName,
          message,
          hint,
          Optional.ofNullable(status));
    }
  }
}
