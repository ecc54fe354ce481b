package org.edgetpu4j.device.cpu;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.cpu.math.Dot;
import org.edgetpu4j.device.cpu.node.Memory;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.FloatArray;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.LongArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU reference interpreter for TFLite models, bit-exact with TFLite's reference kernels for
 * integer models.
 *
 * <p>{@link #load} checks every operator and plans execution once: kernels are prepared (types,
 * shapes and quantization validated, multipliers precomputed), constant subgraphs are evaluated,
 * and activations are laid out in one arena that reuses memory between tensors whose lifetimes do
 * not overlap. {@link #run} then copies inputs in, runs the steps and copies outputs out; it
 * allocates nothing else. An input whose first dimension is dynamic ({@code shape_signature} -1)
 * may be given with another batch size; the interpreter then plans again for that size.
 *
 * <p>Thread safety: an interpreter owns its arena, so one instance must not run on two threads at
 * once. Use one interpreter per thread (loading the same {@link Model} again is cheap).
 */
public final class Interpreter {
  private static final Logger LOG = LoggerFactory.getLogger(Interpreter.class);

  private final Model model;
  private final InterpreterOptions options;
  private Plan plan;

  private Interpreter(Model model, InterpreterOptions options, Plan plan) {
    this.model = model;
    this.options = options;
    this.plan = plan;
  }

  /**
   * Prepares {@code model} for running.
   *
   * @throws ModelRefusedException when an operator is custom, unsupported, of an unsupported
   *     version or with parameters the kernels cannot run
   */
  public static Interpreter load(Model model) {
    return load(model, InterpreterOptions.defaults());
  }

  /**
   * Prepares {@code model} for running with {@code options} (custom operator kernels, ...).
   *
   * @throws ModelRefusedException when an operator is unsupported, custom without a registered
   *     kernel, of an unsupported version or with parameters the kernels cannot run
   */
  public static Interpreter load(Model model, InterpreterOptions options) {
    var sg = model.mainSubgraph();
    int[][] shapes = new int[sg.inputs().length()][];
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = sg.inputTensor(i).shape().toArray();
    }
    Plan plan = Planner.plan(model, shapes, options);
    LOG.debug(
        "planned {} of {} operators (rest folded at load), activation arena {} bytes, simd {}",
        plan.steps().length,
        sg.operators().size(),
        plan.arenaBytes(),
        Dot.SIMD);
    return new Interpreter(model, options, plan);
  }

  /** The model this interpreter runs. */
  public Model model() {
    return model;
  }

  /** Number of inputs. */
  public int inputCount() {
    return plan.inputs().length;
  }

  /** Number of outputs. */
  public int outputCount() {
    return plan.outputs().length;
  }

  /** Input {@code i} as currently planned. */
  public TensorInfo input(int i) {
    return info(plan.inputs()[i]);
  }

  /** Output {@code i} as currently planned. */
  public TensorInfo output(int i) {
    return info(plan.outputs()[i]);
  }

  /** Bytes of the activation arena: the peak memory activations need at once. */
  public long peakActivationBytes() {
    return plan.arenaBytes();
  }

  /** Number of operators evaluated per run (operators on constants are evaluated at load). */
  public int stepCount() {
    return plan.steps().length;
  }

  /**
   * Runs the model on raw little-endian inputs, one per model input in subgraph order, and returns
   * the raw outputs in subgraph order.
   *
   * @throws InvalidInputException when the number of inputs or a byte length does not fit
   */
  public List<byte[]> run(List<byte[]> inputs) {
    if (inputs.size() != inputCount()) {
      throw new InvalidInputException(
          "the model has " + inputCount() + " input(s), got " + inputs.size());
    }
    replanIfBatchChanged(inputs);
    Memory m = plan.memory();
    for (int i = 0; i < inputs.size(); i++) {
      int t = plan.inputs()[i];
      byte[] in = inputs.get(i);
      if (in == null) {
        throw new InvalidInputException("input " + i + " is null");
      }
      System.arraycopy(in, 0, m.data[t], m.offset[t], in.length);
    }
    for (Step s : plan.steps()) {
      s.run(m);
    }
    List<byte[]> out = new ArrayList<>(outputCount());
    for (int t : plan.outputs()) {
      Slot s = plan.slots()[t];
      byte[] b = new byte[s.byteSize()];
      System.arraycopy(m.data[t], m.offset[t], b, 0, b.length);
      out.add(b);
    }
    return out;
  }

  /**
   * Quantizes real values for input {@code i}: {@code q = round(real / scale) + zero_point},
   * clamped to the type's range; float inputs are encoded as they are.
   */
  public byte[] quantizeInput(int i, float[] real) {
    return QuantIo.quantize(input(i), real);
  }

  /** The real values of raw output data of output {@code i}: {@code scale * (q - zero_point)}. */
  public float[] dequantizeOutput(int i, byte[] raw) {
    return QuantIo.dequantize(output(i), raw);
  }

  private void replanIfBatchChanged(List<byte[]> inputs) {
    int[][] shapes = null;
    for (int i = 0; i < inputs.size(); i++) {
      TensorInfo info = input(i);
      byte[] in = inputs.get(i);
      int len = in == null ? -1 : in.length;
      if (len == info.byteSize()) {
        continue;
      }
      int perBatch = info.shape().length() == 0 ? 0 : info.byteSize() / Math.max(1, dim0(info));
      if (!info.hasDynamicBatch() || perBatch == 0 || len <= 0 || len % perBatch != 0) {
        throw new InvalidInputException(
            "input "
                + i
                + " ("
                + "T#"
                + info.index()
                + " '"
                + info.name()
                + "', "
                + info.type()
                + " "
                + info.shape()
                + ") needs "
                + info.byteSize()
                + " bytes"
                + (info.hasDynamicBatch() ? " per batch of " + dim0(info) : "")
                + ", got "
                + len);
      }
      if (shapes == null) {
        shapes = new int[inputs.size()][];
        for (int k = 0; k < shapes.length; k++) {
          shapes[k] = input(k).shape().toArray();
        }
      }
      shapes[i][0] = len / perBatch;
    }
    if (shapes != null) {
      plan = Planner.plan(model, shapes, options);
      LOG.debug("planned again for input shapes {}", (Object) shapes);
    }
  }

  private static int dim0(TensorInfo info) {
    return info.shape().length() == 0 ? 1 : info.shape().get(0);
  }

  private TensorInfo info(int t) {
    Slot s = plan.slots()[t];
    Tensor tensor = model.mainSubgraph().tensor(t);
    long[] zps = new long[s.zeroPoints.length];
    for (int k = 0; k < zps.length; k++) {
      zps[k] = s.zeroPoints[k];
    }
    return new TensorInfo(
        t,
        s.name,
        s.type,
        IntArray.of(s.shape),
        tensor.shapeSignature(),
        FloatArray.of(s.scales),
        LongArray.of(zps));
  }
}
