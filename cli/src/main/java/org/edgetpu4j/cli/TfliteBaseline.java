package org.edgetpu4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.OpResolver;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.edgetpu4j.device.cpu.bench.Baseline;

/**
 * The real TFLite interpreter (bytedeco 2.15), one thread, with and without XNNPACK, as a {@link
 * Baseline} for {@code edgetpu4j bench}. JavaCPP's warning about its own version differing from the
 * one the TFLite presets were built with is routed to SLF4J at error level, so it stays quiet.
 */
public final class TfliteBaseline implements Baseline {
  static {
    quietJavacpp();
  }

  /** Routes JavaCPP's logging to SLF4J and keeps it to errors unless configured otherwise. */
  static void quietJavacpp() {
    if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
      System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
    String level = "org.slf4j.simpleLogger.log.org.bytedeco";
    if (System.getProperty(level) == null) {
      System.setProperty(level, "error");
    }
  }

  /** Default resolver: optimized kernels plus the default XNNPACK delegate. */
  public static final String XNNPACK = "tflite-2.15 BuiltinOpResolver (XNNPACK)";

  /** Builtin optimized kernels without delegates. */
  public static final String BUILTIN = "tflite-2.15 BuiltinOpResolverWithoutDefaultDelegates";

  @Override
  public List<String> variants() {
    return List.of(BUILTIN, XNNPACK);
  }

  @Override
  public Runner open(String variant, byte[] model, List<byte[]> inputs) {
    return new TfliteRunner(variant.equals(XNNPACK), model, inputs);
  }

  /** One TFLite interpreter with its inputs loaded. */
  public static final class TfliteRunner implements Runner {
    private final BytePointer buffer;
    private final FlatBufferModel model;
    private final OpResolver resolver;
    private final Interpreter interpreter;
    private final List<byte[]> inputs;

    /** Builds the interpreter, resizes inputs to the given byte lengths' batch, allocates. */
    public TfliteRunner(boolean xnnpack, byte[] modelBytes, List<byte[]> inputs) {
      this.inputs = inputs;
      buffer = new BytePointer(modelBytes);
      model = FlatBufferModel.BuildFromBuffer(buffer, modelBytes.length);
      if (model == null || model.isNull()) {
        throw new IllegalStateException("TFLite cannot read the model");
      }
      resolver = xnnpack ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
      interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
      InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
      builder.SetNumThreads(1);
      if (builder.apply(interpreter) != 0 || interpreter.isNull()) {
        throw new IllegalStateException("InterpreterBuilder failed");
      }
      for (int i = 0; i < inputs.size(); i++) {
        TfLiteTensor t = interpreter.input_tensor(i);
        long bytes = t.bytes();
        if (bytes != inputs.get(i).length && bytes > 0) {
          int[] dims = new int[t.dims().size()];
          for (int d = 0; d < dims.length; d++) {
            dims[d] = t.dims().data(d);
          }
          dims[0] = (int) (inputs.get(i).length / (bytes / Math.max(1, dims[0])));
          interpreter.ResizeInputTensor(interpreter.inputs().get(i), dims);
        }
      }
      if (interpreter.AllocateTensors() != 0) {
        throw new IllegalStateException("AllocateTensors failed");
      }
      for (int i = 0; i < inputs.size(); i++) {
        interpreter.input_tensor(i).data().raw().capacity(inputs.get(i).length).put(inputs.get(i));
      }
    }

    @Override
    public List<byte[]> run() {
      if (interpreter.Invoke() != 0) {
        throw new IllegalStateException("Invoke failed");
      }
      List<byte[]> out = new ArrayList<>();
      int n = (int) interpreter.outputs().limit();
      for (int i = 0; i < n; i++) {
        TfLiteTensor t = interpreter.output_tensor(i);
        byte[] b = new byte[(int) t.bytes()];
        t.data().raw().capacity(b.length).get(b);
        out.add(b);
      }
      return out;
    }

    @Override
    public void close() {
      interpreter.close();
      resolver.close();
      model.close();
      buffer.close();
    }
  }
}
