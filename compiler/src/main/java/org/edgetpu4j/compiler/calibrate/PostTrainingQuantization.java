package org.edgetpu4j.compiler.calibrate;

import java.util.List;
import java.util.Map;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.pass.FoldBatchNorm;
import org.edgetpu4j.compiler.pass.FoldConstants;
import org.edgetpu4j.compiler.pass.InsertCalibratedFakeQuant;
import org.edgetpu4j.compiler.pass.InsertCalibratedFakeQuant.Range;
import org.edgetpu4j.compiler.pass.ModelBiasQuantization;
import org.edgetpu4j.compiler.pass.PassManager;
import org.edgetpu4j.compiler.pass.Prune;
import org.edgetpu4j.compiler.pass.QuantPlacement;

/**
 * Post-training full-integer quantization up to the frozen fake-quant graph: fold batch norm and
 * constants, measure every activation site's range on a representative dataset, and insert
 * fake-quant nodes with those ranges, then round biases to the int32 grid. The result goes to the
 * same emitter as a QAT graph.
 */
public final class PostTrainingQuantization {
  private PostTrainingQuantization() {}

  /** Options: per-channel conv weights, fake-quantized float inputs. */
  public record Options(boolean perChannel, boolean quantizeInputs) {
    /** Per-channel weights and quantized inputs. */
    public static Options defaults() {
      return new Options(true, true);
    }
  }

  /**
   * Quantizes a frozen float graph.
   *
   * @param frozen a frozen float GraphDef (no variables)
   * @param outputs output node names
   * @param samples representative inputs, one feed map per sample
   */
  public static TfGraph quantize(
      TfGraph frozen,
      List<String> outputs,
      List<Map<String, FloatTensor>> samples,
      Options options,
      ProgressListener progress) {
    TfGraph folded =
        new PassManager()
            .add(new Prune(outputs))
            .add(FoldBatchNorm.eval())
            .add(new FoldConstants())
            .run(frozen)
            .graph();
    List<String> sites =
        QuantPlacement.find(folded, options.quantizeInputs()).activations().stream()
            .map(QuantPlacement.ActivationSite::tensor)
            .toList();
    Map<String, Range> ranges = RangeCalibrator.measure(folded, sites, samples, progress);
    return new PassManager()
        .add(new InsertCalibratedFakeQuant(ranges, options.perChannel(), options.quantizeInputs()))
        .add(new FoldConstants())
        .add(new ModelBiasQuantization())
        .run(folded)
        .graph();
  }
}
