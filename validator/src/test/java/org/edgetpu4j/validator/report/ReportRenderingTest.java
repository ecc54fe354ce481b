package org.edgetpu4j.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

  static Report check(String name) throws Exception {
    return Validator.check(
        TfliteReader.read(ConformanceCases.load(name).model()), Target.DEFAULT, name);
  }

  @Test
  void textFollowsTheCompilerLogLayout() throws Exception {
    String text = TextReport.render(check("unsupported_sqrt_midgraph_int8"));
    assertThat(text)
        .contains("Operator                       Count      Status")
        .contains("Number of operations that will run on Edge TPU: 0")
        .contains("Number of operations that will run on CPU: 3")
        .contains("CONV_2D                        2          Model not compiled")
        .contains("Compilation would fail:")
        .contains("SQRT                           1          Operation version not supported")
        .contains("(see docs/rules/EDGETPU_OP_VERSION.md)");
  }

  @Test
  void textOfAPartialMappingNamesTheCut() throws Exception {
    String text = TextReport.render(check("float_fallback_sin_midgraph_int8"));
    assertThat(text)
        .contains("CONV_2D                        1          Mapped to Edge TPU")
        .contains("SIN                            1          Operation")
        .contains("Number of operations that will run on Edge TPU: 1");
  }

  @Test
  void jsonHasTheDocumentedFields() throws Exception {
    JsonNode json = new ObjectMapper().readTree(JsonReport.render(check("mnist_cnn_float_io")));
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(Report.SCHEMA_VERSION);
    assertThat(json.path("edgetpuCompatible").asBoolean()).isFalse();
    assertThat(json.path("minRuntimeVersion").asText()).isEqualTo("1.14.0");
    assertThat(json.path("edgetpu").path("mapping").asText()).isEqualTo("partial");
    assertThat(json.path("edgetpu").path("firstUnmappableOpIndex").isNull()).isTrue();
    JsonNode op0 = json.path("ops").get(0);
    for (String field :
        new String[] {"index", "opcode", "version", "minRuntime", "edgetpuStatus", "reason"}) {
      assertThat(op0.has(field)).as(field).isTrue();
    }
    assertThat(op0.path("opcode").asText()).isEqualTo("QUANTIZE");
    assertThat(json.path("ops").get(1).path("edgetpuStatus").asText())
        .isEqualTo("Mapped to Edge TPU");
    JsonNode f = json.path("findings").get(0);
    for (String field :
        new String[] {"ruleId", "severity", "opIndex", "tensorIndex", "message", "hint"}) {
      assertThat(f.has(field)).as(field).isTrue();
    }
  }

  @Test
  void htmlIsOneSelfContainedPageWithAColouredGraph() throws Exception {
    String html = HtmlReport.render(check("float_fallback_sin_midgraph_int8"));
    assertThat(html).contains("#9e9e9e"); // cut off after the first unmappable operation
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("#4caf50") // Edge TPU
        .contains("#ff9800") // CPU
        .contains("FLOAT_ISLAND")
        .doesNotContain("<script")
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http");
    Report r = check("float_fallback_sin_midgraph_int8");
    assertThat(html.split("<rect ", -1)).hasSize(r.ops().size() + 1);
  }

  @Test
  void htmlEscapesNames() {
    assertThat(HtmlReport.escape("<a href='x'>&\""))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  }
}
