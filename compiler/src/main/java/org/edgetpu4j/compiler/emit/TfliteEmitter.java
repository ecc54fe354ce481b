package org.edgetpu4j.compiler.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Metadata;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The {@code lower-to-tflite} step: a frozen TensorFlow graph whose weights and activations carry
 * FakeQuant nodes (from quantization-aware training or calibration) becomes a fully integer TFLite
 * model, quantized exactly as the TFLite converter quantizes such a graph.
 *
 * <pre>{@code
 * Model model = TfliteEmitter.emit(frozenGraphDef,
 *     EmitOptions.of(List.of(IoSpec.named("input")), List.of("output")));
 * }</pre>
 */
public final class TfliteEmitter {
  private static final Logger LOG = LoggerFactory.getLogger(TfliteEmitter.class);

  private TfliteEmitter() {}

  /** Compiles the frozen graph in file {@code pb} (see {@link #compile(GraphDef, EmitOptions)}). */
  public static Compiled compile(Path pb, EmitOptions options)
      throws CompileException, IOException {
    return compile(readGraph(pb), options);
  }

  /** Emits the model for the frozen graph in file {@code pb}. */
  public static Model emit(Path pb, EmitOptions options) throws CompileException, IOException {
    return emit(readGraph(pb), options);
  }

  private static GraphDef readGraph(Path pb) throws CompileException, IOException {
    GraphDef def;
    try {
      def = GraphDef.parseFrom(Files.readAllBytes(pb));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new CompileException(pb + " is not a binary GraphDef: " + e.getMessage(), e);
    }
    return def;
  }

  /**
   * Emits the model for {@code frozen}, records the oldest TFLite runtime that loads it ({@code
   * min_runtime_version} metadata) and validates it for the target. With a target runtime that
   * lacks int8 kernels the legacy uint8 scheme is used instead; when no encoding loads on the
   * target, the failure names the operators that cannot be expressed.
   */
  public static Compiled compile(GraphDef frozen, EmitOptions options) throws CompileException {
    Target target = Target.DEFAULT;
    if (options.targetRuntime().isPresent()) {
      try {
        target = target.withRuntime(RuntimeVersion.parse(options.targetRuntime().get()));
      } catch (IllegalArgumentException e) {
        throw new CompileException(
            "target runtime '"
                + options.targetRuntime().get()
                + "' is not a version such as 1.14.0: "
                + e.getMessage(),
            e);
      }
    }
    Model model = emit(frozen, options);
    Report report = Validator.check(model, target);
    if (!report.loadsOnTarget() && options.precision() == EmitOptions.Precision.INT8) {
      Model legacy = emit(frozen, options.withPrecision(EmitOptions.Precision.UINT8));
      Report legacyReport = Validator.check(legacy, target);
      if (legacyReport.loadsOnTarget()) {
        LOG.info(
            "TFLite {} has no int8 kernels for this model; emitted the legacy uint8 scheme",
            options.targetRuntime().orElse(""));
        model = legacy;
        report = legacyReport;
      }
    }
    if (!report.loadsOnTarget()) {
      StringBuilder why = new StringBuilder();
      for (Finding f : report.errors()) {
        why.append("\n  ").append(f.location()).append(": ").append(f.message());
      }
      throw new CompileException(
          "no encoding of this graph loads on TFLite "
              + options.targetRuntime().orElse("(any)")
              + ":"
              + why);
    }
    if (report.minRuntimeVersion() != null) {
      model = withMinRuntime(model, report.minRuntimeVersion());
      report = Validator.check(model, target);
    }
    return new Compiled(model, report);
  }

  /** Emits the model for {@code frozen}, without validation or runtime metadata. */
  public static Model emit(GraphDef frozen, EmitOptions options) throws CompileException {
    GraphView g = new GraphView(frozen);
    Map<String, long[]> shapes = new HashMap<>();
    for (EmitOptions.IoSpec in : options.inputs()) {
      shapes.put(in.name(), inputShape(g, in));
    }
    for (String out : options.outputs()) {
      g.node(out);
    }
    try (TfRuntime rt = new TfRuntime(frozen, shapes)) {
      ModelBuilder mb = new ModelBuilder();
      Lowering l = new Lowering(g, rt, mb, options);
      int[] inputs = new int[options.inputs().size()];
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = defineInput(l, options.inputs().get(i).name(), shapes);
      }
      int[] outputs = new int[options.outputs().size()];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = defineOutput(l, options.outputs().get(i));
      }
      Model model = mb.build(inputs, outputs, "edgetpu4j", null);
      try {
        TfliteWriter.toBytes(model); // the same checks the reader makes
      } catch (ModelFormatException e) {
        throw new CompileException("the emitted model is inconsistent: " + e.getMessage(), e);
      }
      return model;
    }
  }

  private static Model withMinRuntime(Model m, String version) {
    byte[] text = new byte[16];
    byte[] v = version.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(v, 0, text, 0, Math.min(v.length, 15));
    List<Buffer> buffers = new ArrayList<>(m.buffers());
    buffers.add(Buffer.of(text));
    List<Metadata> metadata = new ArrayList<>(m.metadata());
    metadata.removeIf(md -> md.name().equals(Model.MIN_RUNTIME_VERSION));
    metadata.add(new Metadata(Model.MIN_RUNTIME_VERSION, buffers.size() - 1));
    return new Model(
        m.version(),
        m.operatorCodes(),
        m.subgraphs(),
        m.description(),
        buffers,
        m.metadataBuffer(),
        metadata,
        m.signatureDefs());
  }

  private static long[] inputShape(GraphView g, EmitOptions.IoSpec in) throws CompileException {
    NodeDef n = g.node(in.name());
    if (!n.getOp().equals("Placeholder")) {
      throw new CompileException("input " + GraphView.describe(n) + " is not a Placeholder");
    }
    if (in.shape() != null) {
      return in.shape();
    }
    var attr = n.getAttrMap().get("shape");
    if (attr == null || !attr.hasShape() || attr.getShape().getUnknownRank()) {
      throw new CompileException(
          "input "
              + GraphView.describe(n)
              + " has no static shape; give one (--inputs "
              + in.name()
              + ":1,H,W,C)");
    }
    List<TensorShapeProto.Dim> dims = attr.getShape().getDimList();
    long[] shape = new long[dims.size()];
    for (int d = 0; d < shape.length; d++) {
      long size = dims.get(d).getSize();
      if (size < 0 && d == 0) {
        size = 1; // batch fixed to 1
      } else if (size < 0) {
        throw new CompileException(
            "input "
                + GraphView.describe(n)
                + " has unknown dimension "
                + d
                + "; give a static shape (--inputs "
                + in.name()
                + ":1,H,W,C)");
      }
      shape[d] = size;
    }
    return shape;
  }

  private static int defineInput(Lowering l, String name, Map<String, long[]> shapes)
      throws CompileException {
    NodeDef fq = null;
    for (NodeDef c : consumersThroughIdentity(l.g, name)) {
      if (FakeQuantNode.is(c)) {
        fq = c;
      }
    }
    if (fq == null) {
      throw new CompileException(
          "input '"
              + name
              + "' is not followed by a FakeQuant node, so"
              + " its quantization range is unknown; add one (the training rewrite does) or"
              + " calibrate the graph");
    }
    Quant q = FakeQuantNode.quant(l.g, l.rt, fq, l.signed, 0);
    long[] shape = shapes.get(name);
    TensorType io = ioType(l.options.ioType());
    if (io == l.actType) {
      int t = l.mb.activation(name, l.actType, shape, q.params());
      l.defineInput(name, new Lowered(t, q));
      return t;
    }
    int modelInput = l.mb.activation(name, io, shape, ioParams(q, io));
    int interior = l.mb.activation(name + "/quantized", l.actType, shape, q.params());
    l.mb.op(
        BuiltinOp.QUANTIZE, 1, new int[] {modelInput}, new int[] {interior}, BuiltinOptions.NONE);
    l.defineInput(name, new Lowered(interior, q));
    return modelInput;
  }

  private static int defineOutput(Lowering l, String name) throws CompileException {
    Lowered v = l.activation(name);
    TensorType io = ioType(l.options.ioType());
    if (io == l.actType) {
      l.mb.rename(v.tensor(), name);
      return v.tensor();
    }
    long[] shape = Lowering.toLongs(l.mb.tensor(v.tensor()).shape().toArray());
    int out = l.mb.activation(name, io, shape, ioParams(v.quant(), io));
    if (io == TensorType.FLOAT32) {
      l.mb.op(
          BuiltinOp.DEQUANTIZE,
          l.versions.dequantize(),
          new int[] {v.tensor()},
          new int[] {out},
          BuiltinOptions.NONE);
    } else {
      l.mb.op(BuiltinOp.QUANTIZE, 1, new int[] {v.tensor()}, new int[] {out}, BuiltinOptions.NONE);
    }
    return out;
  }

  private static List<NodeDef> consumersThroughIdentity(GraphView g, String name) {
    List<NodeDef> direct = g.consumers(name);
    List<NodeDef> all = new java.util.ArrayList<>(direct);
    for (NodeDef c : direct) {
      if (c.getOp().equals("Identity")) {
        all.addAll(consumersThroughIdentity(g, c.getName()));
      }
    }
    return all;
  }

  private static TensorType ioType(EmitOptions.IoType t) {
    return switch (t) {
      case UINT8 -> TensorType.UINT8;
      case INT8 -> TensorType.INT8;
      case FLOAT32 -> TensorType.FLOAT32;
    };
  }

  /** The interior parameters seen from an input/output of another type. */
  private static QuantParams ioParams(Quant q, TensorType io) {
    return switch (io) {
      case UINT8 -> q.qmin() < 0 ? q.shifted(128).params() : q.params();
      case INT8 -> q.qmin() >= 0 ? q.shifted(-128).params() : q.params();
      default -> QuantParams.NONE;
    };
  }
}
