package org.edgetpu4j.examples.mnist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.edgetpu4j.compiler.CompileException;
import org.edgetpu4j.compiler.calibrate.PostTrainingQuantization;
import org.edgetpu4j.compiler.emit.Compiled;
import org.edgetpu4j.compiler.emit.EmitOptions;
import org.edgetpu4j.compiler.emit.TfliteEmitter;
import org.edgetpu4j.compiler.graph.FloatTensor;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.edgetpu4j.compiler.train.QatConfig;
import org.edgetpu4j.compiler.train.QuantizationAwareTraining;
import org.edgetpu4j.examples.report.Agreement;
import org.edgetpu4j.examples.report.StudyReport;
import org.edgetpu4j.examples.report.StudyResult;
import org.edgetpu4j.tflite.io.AtomicFiles;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.validator.report.JsonReport;
import org.edgetpu4j.validator.report.TextReport;
import org.tensorflow.proto.GraphDef;

/**
 * The MNIST study end to end: train a LeNet with batch norm in float, fine-tune it with
 * quantization-aware training, compile the QAT model to a fully integer TFLite model,
 * post-training-quantize the float model, check both for the Edge TPU, run them on the CPU
 * reference interpreter over the test set, and compare everything.
 */
public final class MnistStudy {
  /** Momentum of the batch-norm moving statistics (as Keras uses). */
  private static final float BN_MOMENTUM = 0.99f;

  private final StudyConfig config;
  private final PrintWriter out;
  private final List<String> notes = new ArrayList<>();

  /** A study with {@code config}, printing progress and the table to {@code out}. */
  public MnistStudy(StudyConfig config, PrintWriter out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the study; returns the result, also written to the run directory. */
  public StudyResult run() throws IOException, CompileException {
    long start = System.nanoTime();
    // the data is checked before the run directory exists, so bad data leaves no directory
    MnistData data =
        config.data().isPresent() ? MnistData.load(config.data().get()) : MnistData.embedded();
    Images train = Images.of(data.train(), config.trainImages());
    Images test = Images.of(data.test(), config.testImages());
    Path dir = RunDirectory.create(config.out());
    try {
      return run(start, dir, train, test);
    } catch (IOException | CompileException | RuntimeException e) {
      AtomicFiles.deleteIfEmpty(dir); // a failed run leaves no empty directory
      throw e;
    }
  }

  private StudyResult run(long start, Path dir, Images train, Images test)
      throws IOException, CompileException {
    String source = config.data().map(Path::toString).orElse("embedded MNIST subset");
    out.printf(
        Locale.ROOT,
        "MNIST study: %,d training and %,d test images from %s -> %s%n",
        train.size(),
        test.size(),
        source,
        dir);

    GraphDef model = LeNetModel.build(train.height(), train.width(), config.seed());
    List<String> outputs = List.of(LeNetModel.OUTPUT);

    // 1. float training
    List<StudyResult.Curve> curves = new ArrayList<>();
    TfGraph floatFrozen;
    StudyResult.Curve floatCurve;
    Map<String, float[]> trained;
    try (MnistTrainer t =
        new MnistTrainer(
            QuantizationAwareTraining.createFloatTrainingGraph(model, BN_MOMENTUM),
            config.learningRate())) {
      floatCurve =
          train(
              "float",
              1,
              t,
              train,
              test,
              config.floatEpochs(),
              () -> QuantizationAwareTraining.exportFrozenFloatGraph(model, t.session(), outputs));
      floatFrozen = QuantizationAwareTraining.exportFrozenFloatGraph(model, t.session(), outputs);
      trained = t.values(LeNetModel.VARIABLES);
    }
    curves.add(floatCurve);

    // 2. quantization-aware training, fine-tuning the trained float weights: fake quantization
    // after a short delay (while the range averages settle), batch norm frozen for the last epoch
    int steps = train.size() / config.batch();
    GraphDef qatGraph = LeNetModel.build(train.height(), train.width(), config.seed(), trained);
    QatConfig qat =
        QatConfig.defaults()
            .withQuantDelay(Math.max(1, steps / 10))
            .withFreezeBatchNormDelay((long) steps * Math.max(1, config.qatEpochs() - 1))
            .withEmaDecay(0.99f)
            .withBatchNormMomentum(BN_MOMENTUM);
    TfGraph qatFrozen;
    try (MnistTrainer t =
        new MnistTrainer(
            QuantizationAwareTraining.createTrainingGraph(qatGraph, qat),
            config.learningRate() / 4)) {
      curves.add(
          train(
              "QAT",
              config.floatEpochs() + 1,
              t,
              train,
              test,
              config.qatEpochs(),
              () ->
                  QuantizationAwareTraining.exportFrozenEvalGraph(
                      qatGraph, qat, t.session(), outputs)));
      qatFrozen =
          QuantizationAwareTraining.exportFrozenEvalGraph(qatGraph, qat, t.session(), outputs);
    }

    // 3. compile the QAT model; post-training-quantize the float model
    Compiled qatModel = compile("qat_int8", qatFrozen, train, dir);
    Progress calibration = new Progress(out, "PTQ calibration", config.representativeImages());
    TfGraph ptqFrozen =
        PostTrainingQuantization.quantize(
            floatFrozen,
            outputs,
            representative(train),
            PostTrainingQuantization.Options.defaults(),
            (done, total) -> calibration.update(done, ""));
    calibration.finish(config.representativeImages() + " representative images");
    Compiled ptqModel = compile("ptq_int8", ptqFrozen, train, dir);

    // 4. evaluate everything on the test set
    Evaluation.Outputs fl = Evaluation.graph(floatFrozen, test);
    Evaluation.Outputs fq = Evaluation.graph(qatFrozen, test);
    Evaluation.Outputs qi = Evaluation.cpu(qatModel.model(), test);
    Evaluation.Outputs pi = Evaluation.cpu(ptqModel.model(), test);
    notes.add(
        "Coral USB accelerator: not used ("
            + coralUnavailableReason()
            + "); the int8 models ran on the CPU reference interpreter only");

    List<StudyResult.Row> rows =
        List.of(
            new StudyResult.Row("float", fl.accuracyPercent(test), null, null, null, null),
            new StudyResult.Row(
                "QAT fake-quant graph", fq.accuracyPercent(test), null, null, null, null),
            row("QAT int8", qatModel, qi, test, dir.resolve("qat_int8.tflite")),
            row("PTQ int8", ptqModel, pi, test, dir.resolve("ptq_int8.tflite")));
    List<Agreement> agreements =
        List.of(
            Agreement.of("QAT fake-quant vs QAT int8", qi.probabilities(), fq.probabilities(), 10),
            Agreement.of("float vs PTQ int8", pi.probabilities(), fl.probabilities(), 10));
    notes.add(
        "Outputs compared as softmax probabilities of the logits (int8 logits dequantized),"
            + " between models that share weights (QAT fine-tuned the float weights, so float and"
            + " QAT compare by accuracy).");
    notes.add("Files: " + dir);
    StudyResult result =
        new StudyResult(
            source,
            train.size(),
            test.size(),
            config.seed(),
            rows,
            curves,
            agreements,
            qi.confusion(test),
            "QAT int8 on the CPU reference",
            notes,
            (System.nanoTime() - start) / 1e9);
    StudyReport.write(result, dir);
    out.println();
    out.print(StudyReport.table(result));
    out.flush();
    return result;
  }

  private interface Exporter {
    TfGraph export();
  }

  private StudyResult.Curve train(
      String name,
      int firstEpoch,
      MnistTrainer t,
      Images train,
      Images test,
      int epochs,
      Exporter frozen) {
    Random rnd = new Random(config.seed());
    List<Double> loss = new ArrayList<>();
    List<Double> trainAcc = new ArrayList<>();
    List<Double> testAcc = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      Progress p =
          new Progress(out, name + " epoch " + e + "/" + epochs, train.size() / config.batch());
      MnistTrainer.Epoch figures = t.epoch(e, train, config.batch(), rnd, p);
      double acc = Evaluation.graph(frozen.export(), test).accuracyPercent(test);
      p.finish(
          String.format(
              Locale.ROOT,
              "loss %.4f  train %.2f%%  test %.2f%%",
              figures.loss(),
              figures.accuracyPercent(),
              acc));
      loss.add(figures.loss());
      trainAcc.add(figures.accuracyPercent());
      testAcc.add(acc);
    }
    return new StudyResult.Curve(name, firstEpoch, loss, trainAcc, testAcc);
  }

  private Compiled compile(String name, TfGraph frozen, Images train, Path dir)
      throws IOException, CompileException {
    GraphDef def = QuantizationAwareTraining.forEmission(frozen, List.of(LeNetModel.OUTPUT)).def();
    EmitOptions options =
        new EmitOptions(
            List.of(
                new EmitOptions.IoSpec(
                    LeNetModel.INPUT, new long[] {1, train.height(), train.width(), 1})),
            List.of(LeNetModel.OUTPUT),
            EmitOptions.Precision.INT8,
            config.io(),
            java.util.Optional.empty());
    Compiled c = TfliteEmitter.compile(def, options);
    TfliteWriter.write(c.model(), dir.resolve(name + ".tflite"));
    StudyReport.atomically(
        dir.resolve(name + ".check.txt"),
        TextReport.render(c.report()).getBytes(StandardCharsets.UTF_8));
    StudyReport.atomically(
        dir.resolve(name + ".check.json"),
        JsonReport.render(c.report()).getBytes(StandardCharsets.UTF_8));
    out.printf(
        Locale.ROOT,
        "compiled %-10s %,7d bytes, Edge TPU: %s%n",
        name + ":",
        Files.size(dir.resolve(name + ".tflite")),
        c.report().edgetpuCompatible()
            ? "fully compatible"
            : "NOT fully compatible (see " + name + ".check.txt)");
    return c;
  }

  private List<Map<String, FloatTensor>> representative(Images train) {
    int n = Math.min(config.representativeImages(), train.size());
    List<Map<String, FloatTensor>> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, FloatTensor> s = new HashMap<>();
      s.put(LeNetModel.INPUT, train.batch(i, 1));
      samples.add(s);
    }
    return samples;
  }

  private static StudyResult.Row row(
      String name, Compiled c, Evaluation.Outputs o, Images test, Path file) throws IOException {
    return new StudyResult.Row(
        name,
        o.accuracyPercent(test),
        Files.size(file),
        o.nanosPerImage() / 1e6,
        c.report().edgetpuCompatible(),
        file.getFileName().toString());
  }

  /** Why the study has no Coral row: it needs edgetpu_compiler on PATH and an attached Coral. */
  static String coralUnavailableReason() {
    String path = System.getenv("PATH");
    boolean compiler =
        path != null
            && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> java.nio.file.Files.isExecutable(Path.of(d, "edgetpu_compiler")));
    if (!compiler) {
      return "edgetpu_compiler is not on PATH";
    }
    try {
      if (org.edgetpu4j.device.coral.EdgeTpu.list().isEmpty()) {
        return "no Edge TPU found";
      }
    } catch (org.edgetpu4j.device.coral.EdgeTpuException e) {
      return "no Edge TPU found: " + e.getMessage();
    }
    return "the Coral row of this study is not implemented; run the compiled model with"
        + " `edgetpu4j run MODEL_edgetpu.tflite --device coral --reference MODEL.tflite`";
  }
}
