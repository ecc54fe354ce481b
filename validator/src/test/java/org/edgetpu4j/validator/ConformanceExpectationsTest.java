package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the validator against every conformance case's expectations: the {@code edgetpu} block,
 * {@code quantization.problems} and the operator versions. Where the validator follows evidence
 * against an expectation, the disagreement is listed in {@link #KNOWN_DISAGREEMENTS} with its
 * reason, and the test fails if the disagreement changes or disappears.
 */
class ConformanceExpectationsTest {

  /**
   * The real compiler compiled dense_256 and dense_512 (input signature [-1, N], stored batch 1)
   * fully, so a dynamic batch alone does not stop it. What stops it here is the run-time flatten
   * shape (op 4 SHAPE, 5 STRIDED_SLICE, 6 PACK feeding op 7 RESHAPE): RESHAPE's output is dynamic
   * when TFLite prepares the model, the compiler fails and nothing maps (mapping "none" agrees).
   * Operators 0-3 are mappable themselves; the first operator that is not is op 4, and ops 5 and 6
   * work on INT32 like op 4.
   */
  static final String DYNAMIC_BATCH =
      "a dynamic batch alone does not stop the compiler (CompiledPairsTest); the model fails to"
          + " compile because of the INT32 shape arithmetic of ops 4-7, ops 0-3 are mappable";

  /** case/kind -> why the validator's answer differs from the case's expectation. */
  static final Map<String, String> KNOWN_DISAGREEMENTS =
      Map.of(
          "mnist_cnn_dynamic_batch_int8/first_unmappable_op_index",
          DYNAMIC_BATCH,
          "mnist_cnn_dynamic_batch_int8/ops_expected_on_cpu",
          DYNAMIC_BATCH,
          "op_tanh_16x8/recomputed_versions",
          "the TF 2.21 converter wrote TANH v2 for INT16 input and output; the converter's"
              + " version rules as published give v3 for INT16/INT16 TANH",
          "unsupported_exp_midgraph_int8/expected_mapping",
          "Edge TPU compiler 16.0.384591198 refuses EXP v2 ('Model could not be parsed',"
              + " google-coral/libedgetpu#71), so nothing is compiled",
          "unsupported_sqrt_midgraph_int8/expected_mapping",
          "SQRT v2 (INT8 SQRT) is newer than every TFLite release the tables know; compiler 16's"
              + " parser knows op versions up to about TFLite 2.6, so the model is not parsed");

  static final Map<String, Report> REPORTS = new TreeMap<>();
  static final Map<String, JsonNode> CASES = new TreeMap<>();

  @BeforeAll
  static void checkAll() throws Exception {
    for (ConformanceCases.Case c : ConformanceCases.all()) {
      Model model = TfliteReader.read(c.model());
      REPORTS.put(c.name(), Validator.check(model, Target.DEFAULT, c.name()));
      CASES.put(c.name(), c.json());
    }
  }

  @Test
  void anUnsupportedOpGetsOneErrorWithItsOtherCausesFolded() {
    int folded = 0;
    for (Report r : REPORTS.values()) {
      Map<Integer, Integer> errors = new TreeMap<>();
      Set<Integer> unsupported = new TreeSet<>();
      for (Finding f : r.findings()) {
        if (f.ruleId().equals(FindingFolding.PRIMARY)) {
          unsupported.add(f.opIndex());
          folded += FindingFolding.secondaryRules(f).size();
        }
        if (f.severity() == Severity.ERROR
            && (f.ruleId().equals(FindingFolding.PRIMARY)
                || FindingFolding.SECONDARY.contains(f.ruleId()))) {
          errors.merge(f.opIndex(), 1, Integer::sum);
        }
      }
      for (int op : unsupported) {
        assertThat(errors.get(op)).as(r.modelName() + " op " + op).isEqualTo(1);
      }
    }
    System.out.println("Secondary causes folded into unsupported-op errors: " + folded);
  }

  @Test
  void everyCaseIsChecked() {
    assertThat(REPORTS).hasSize(55);
  }

  @Test
  void expectationsAgreeExceptDocumentedDisagreements() {
    Map<String, String> actual = new TreeMap<>();
    Map<String, Integer> agree = new TreeMap<>();
    for (var e : REPORTS.entrySet()) {
      String name = e.getKey();
      Report r = e.getValue();
      JsonNode edgetpu = CASES.get(name).path("edgetpu");
      compare(
          actual,
          agree,
          name,
          "expected_compatible",
          edgetpu.path("expected_compatible").asBoolean(),
          r.edgetpuCompatible());
      compare(
          actual,
          agree,
          name,
          "expected_mapping",
          edgetpu.path("expected_mapping").asText(),
          r.edgetpu().mapping().name().toLowerCase());
      JsonNode first = edgetpu.path("first_unmappable_op_index");
      compare(
          actual,
          agree,
          name,
          "first_unmappable_op_index",
          first.isNull() ? -1 : first.asInt(),
          r.edgetpu().firstUnmappableOpIndex());
      Set<Integer> cpu = new TreeSet<>();
      edgetpu.path("ops_expected_on_cpu").forEach(o -> cpu.add(o.path("index").asInt()));
      compare(
          actual,
          agree,
          name,
          "ops_expected_on_cpu",
          cpu,
          new TreeSet<>(r.edgetpu().unmappableOps()));
      Set<String> missing = new TreeSet<>(expectedReasons(edgetpu));
      missing.removeAll(reasonsFound(r));
      compare(actual, agree, name, "reasons", Set.of(), missing);
      compare(
          actual,
          agree,
          name,
          "quantization.problems",
          expectedProblems(CASES.get(name)),
          problems(r));
      compare(
          actual,
          agree,
          name,
          "operator_versions",
          expectedVersions(CASES.get(name)),
          versions(r, false));
      compare(
          actual,
          agree,
          name,
          "recomputed_versions",
          expectedVersions(CASES.get(name)),
          versions(r, true));
    }
    System.out.println(
        "Conformance agreement per expectation kind (of " + REPORTS.size() + " cases): " + agree);
    actual.forEach((k, v) -> System.out.println("DISAGREE " + k + ": " + v));
    assertThat(actual.keySet()).isEqualTo(KNOWN_DISAGREEMENTS.keySet());
  }

  private static void compare(
      Map<String, String> out,
      Map<String, Integer> agree,
      String name,
      String kind,
      Object expected,
      Object actual) {
    if (expected.equals(actual)) {
      agree.merge(kind, 1, Integer::sum);
    } else {
      agree.merge(kind, 0, Integer::sum);
      out.put(name + "/" + kind, "expected " + expected + ", validator says " + actual);
    }
  }

  /** Keyword of an expected Edge TPU reason -> the rule that reports it. */
  static final Map<String, String> REASON_RULES =
      Map.of(
          "not in the Edge TPU supported-operations list", "EDGETPU_UNSUPPORTED_OP",
          "Edge TPU needs 8-bit quantized tensors", "EDGETPU_DATA_TYPE",
          "no 8-bit quantized activations", "NOT_QUANTIZED",
          "has a dynamic shape", "DYNAMIC_SHAPE",
          "has dynamic shape", "DYNAMIC_SHAPE",
          "outside the 3 innermost", "TENSOR_RANK",
          "only 8-bit to 8-bit requantization", "EDGETPU_OP_LIMITATION",
          "only all-1 strides", "EDGETPU_OP_LIMITATION",
          "not one-dimensional", "EDGETPU_OP_LIMITATION",
          "int8 weights with nonzero zero point", "INT8_WEIGHT_ZERO_POINT");

  /**
   * "op N RULE" for each expected reason ("op -" for model-level ones). SHAPE and the other INT32
   * operators of the dynamic-batch case are reported as data-type problems either way.
   */
  static Set<String> expectedReasons(JsonNode edgetpu) {
    Set<String> out = new TreeSet<>();
    for (JsonNode reason : edgetpu.path("reasons")) {
      String text = reason.asText();
      String rule =
          REASON_RULES.entrySet().stream()
              .filter(e -> text.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse("UNKNOWN:" + text);
      if (rule.equals("EDGETPU_UNSUPPORTED_OP") && text.contains("CUSTOM:")) {
        rule = "CUSTOM_OP";
      }
      String op = text.startsWith("op ") ? text.split(" ")[1] : "-";
      out.add("op " + op + " " + rule);
    }
    return out;
  }

  /**
   * "op N RULE" for every finding (and for each secondary cause folded into it), and "op - RULE"
   * for each rule with any finding.
   */
  static Set<String> reasonsFound(Report r) {
    Set<String> out = new TreeSet<>();
    for (Finding f : r.findings()) {
      out.add("op " + (f.opIndex() < 0 ? "-" : f.opIndex()) + " " + f.ruleId());
      out.add("op - " + f.ruleId());
      for (String folded : FindingFolding.secondaryRules(f)) {
        out.add("op " + (f.opIndex() < 0 ? "-" : f.opIndex()) + " " + folded);
        out.add("op - " + folded);
      }
    }
    return out;
  }

  /** "op N KIND" strings from quantization.problems. */
  static Set<String> expectedProblems(JsonNode c) {
    Set<String> out = new TreeSet<>();
    for (JsonNode p : c.path("quantization").path("problems")) {
      String text = p.asText();
      String op = text.startsWith("op ") ? text.split(" ")[1] : "-";
      out.add("op " + op + " " + kindOf(text));
    }
    return out;
  }

  static String kindOf(String text) {
    String t = text.toLowerCase();
    if (t.contains("float island")) {
      return "FLOAT_ISLAND";
    } else if (t.contains("hybrid")) {
      return "HYBRID_OP";
    } else if (t.contains("nonzero zero point")) {
      return "INT8_WEIGHT_ZERO_POINT";
    } else if (t.contains("bias")) {
      return "BIAS_QUANTIZATION";
    } else if (t.contains("degenerate") || t.contains("scale")) {
      return "QUANT_SCALE_INVALID";
    } else if (t.contains("without") || t.contains("no quantization")) {
      return "QUANT_PARAMS_MISSING";
    }
    return "UNKNOWN:" + text;
  }

  static final Set<String> QUANT_RULES =
      Set.of(
          "FLOAT_ISLAND",
          "HYBRID_OP",
          "INT8_WEIGHT_ZERO_POINT",
          "BIAS_QUANTIZATION",
          "QUANT_SCALE_INVALID",
          "QUANT_PARAMS_MISSING");

  static Set<String> problems(Report r) {
    Set<String> out = new TreeSet<>();
    for (Finding f : r.findings()) {
      if (QUANT_RULES.contains(f.ruleId()) && f.opIndex() >= 0) {
        out.add("op " + (f.opIndex() < 0 ? "-" : f.opIndex()) + " " + f.ruleId());
      }
    }
    return out;
  }

  static List<Integer> expectedVersions(JsonNode c) {
    List<Integer> out = new ArrayList<>();
    c.path("operators").forEach(o -> out.add(o.path("version").asInt()));
    return out;
  }

  /**
   * Stored versions, or recomputed ones: all operators of one builtin share an operator code, so
   * the recomputed version of each is the highest any operator of that builtin needs.
   */
  static List<Integer> versions(Report r, boolean recomputed) {
    Map<String, Integer> perCode = new TreeMap<>();
    for (OpReport op : r.ops()) {
      perCode.merge(op.opcode(), op.requiredVersion(), Math::max);
    }
    List<Integer> out = new ArrayList<>();
    for (OpReport op : r.ops()) {
      out.add(
          recomputed && !op.opcode().startsWith("CUSTOM")
              ? perCode.get(op.opcode())
              : op.version());
    }
    return out;
  }
}
