package org.edgetpu4j.device.cpu.bench;

import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.TfliteOracle;

/**
 * The real TFLite interpreter as a {@link Baseline} for the device tests: a thin adapter over the
 * shared {@link TfliteOracle}. (The command line's timing baseline is the cli module's own
 * implementation, which keeps the interpreter allocated between runs.)
 */
public final class TfliteBaseline implements Baseline {
  /** Default resolver: optimized kernels plus the default XNNPACK delegate. */
  public static final String XNNPACK = "bytedeco tflite 2.15 (slow build) XNNPACK";

  /** Builtin optimized kernels without delegates. */
  public static final String BUILTIN = "bytedeco tflite 2.15 (slow build) builtin";

  @Override
  public List<String> variants() {
    return List.of(BUILTIN, XNNPACK);
  }

  @Override
  public Runner open(String variant, byte[] model, List<byte[]> inputs) throws Exception {
    List<int[]> shapes = shapes(model, inputs);
    TfliteOracle oracle = TfliteOracle.load(model, variant.equals(XNNPACK));
    return new Runner() {
      @Override
      public List<byte[]> run() {
        return oracle.run(inputs, shapes);
      }

      @Override
      public void close() {
        oracle.close();
      }
    };
  }

  /** Input shapes, with the batch taken from each input's byte length. */
  private static List<int[]> shapes(byte[] model, List<byte[]> inputs) throws Exception {
    Subgraph g = TfliteReader.read(model).mainSubgraph();
    List<int[]> shapes = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor t = g.inputTensor(i);
      int[] shape = t.shape().toArray();
      long bytes = t.byteSize();
      if (shape.length > 0 && bytes > 0 && bytes != inputs.get(i).length) {
        shape[0] = (int) (inputs.get(i).length / (bytes / Math.max(1, shape[0])));
      }
      shapes.add(shape);
    }
    return shapes;
  }
}
