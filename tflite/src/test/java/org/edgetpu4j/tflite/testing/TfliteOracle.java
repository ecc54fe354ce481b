package org.edgetpu4j.tflite.testing;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.OpResolver;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.io.TfliteReader;

/**
 * The real TFLite interpreter (bytedeco's TensorFlow Lite 2.15 natives), one thread, as a test
 * oracle: load model bytes, run raw input bytes, get raw output bytes. Not thread-safe.
 */
public final class TfliteOracle implements AutoCloseable {
  private final BytePointer modelBytes;
  private final FlatBufferModel model;
  private final OpResolver resolver;
  private final Interpreter interpreter;
  private final int outputs;

  private TfliteOracle(byte[] bytes, boolean xnnpack) {
    try {
      outputs = TfliteReader.read(bytes).mainSubgraph().outputs().length();
    } catch (ModelFormatException e) {
      throw new OracleException("edgetpu4j cannot read the model: " + e.getMessage());
    }
    modelBytes = new BytePointer(bytes.length);
    modelBytes.put(bytes);
    model = FlatBufferModel.BuildFromBuffer(modelBytes, bytes.length);
    if (model == null || model.isNull()) {
      modelBytes.close();
      throw new OracleException("TFLite could not load the model");
    }
    resolver = xnnpack ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
    interpreter = new Interpreter((Pointer) null);
    InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
    builder.SetNumThreads(1);
    if (builder.apply(interpreter) != 0 || interpreter.isNull()) {
      throw new OracleException("TFLite could not build an interpreter for the model");
    }
  }

  /** Loads {@code bytes}; with {@code xnnpack} the default resolver (XNNPACK delegate) is used. */
  public static TfliteOracle load(byte[] bytes, boolean xnnpack) {
    return new TfliteOracle(bytes, xnnpack);
  }

  /** Runs one invocation with inputs of the given shapes; returns the output bytes in order. */
  public List<byte[]> run(List<byte[]> inputs, List<int[]> shapes) {
    for (int i = 0; i < inputs.size(); i++) {
      int index = interpreter.inputs().get(i);
      if (interpreter.ResizeInputTensor(index, shapes.get(i)) != 0) {
        throw new OracleException("TFLite could not resize input " + i);
      }
    }
    if (interpreter.AllocateTensors() != 0) {
      throw new OracleException("TFLite could not allocate (prepare) the model");
    }
    for (int i = 0; i < inputs.size(); i++) {
      TfLiteTensor t = interpreter.tensor(interpreter.inputs().get(i));
      byte[] in = inputs.get(i);
      if (t.bytes() != in.length) {
        throw new OracleException(
            "input " + i + " takes " + t.bytes() + " bytes, given " + in.length);
      }
      t.data().raw().capacity(in.length).put(in);
    }
    if (interpreter.Invoke() != 0) {
      throw new OracleException("TFLite could not invoke the model");
    }
    List<byte[]> outs = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      TfLiteTensor t = interpreter.tensor(interpreter.outputs().get(i));
      byte[] out = new byte[(int) t.bytes()];
      t.data().raw().capacity(out.length).get(out);
      outs.add(out);
    }
    return outs;
  }

  @Override
  public void close() {
    interpreter.close();
    resolver.close();
    model.close();
    modelBytes.close();
  }

  /** TFLite refused the model or the inputs. */
  public static final class OracleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OracleException(String message) {
      super(message);
    }
  }
}
