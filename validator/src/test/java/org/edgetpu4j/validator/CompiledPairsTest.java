package org.edgetpu4j.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.validator.edgetpu.EdgeTpuPackage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each CPU model compiled by the real Edge TPU compiler, the predicted mapping must agree with
 * what the compiler did: every operator the compiled model no longer has as a builtin went into the
 * edgetpu-custom-op, so it was mapped to the Edge TPU.
 */
class CompiledPairsTest {

  static List<String> cpuModels() {
    return ConformanceCases.edgetpuCompiledNames().stream()
        .filter(n -> !n.endsWith("_edgetpu.tflite"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("cpuModels")
  void predictionMatchesTheRealCompiler(String name) throws Exception {
    Model cpu = TfliteReader.read(ConformanceCases.edgetpuCompiled(name));
    Model compiled =
        TfliteReader.read(
            ConformanceCases.edgetpuCompiled(name.replace(".tflite", "_edgetpu.tflite")));

    long cpuOpsLeft =
        compiled.mainSubgraph().operators().stream()
            .filter(
                op -> !compiled.opcode(op).customCode().orElse("").equals(EdgeTpuPackage.CUSTOM_OP))
            .count();
    int expectedOnTpu = cpu.mainSubgraph().operators().size() - (int) cpuOpsLeft;

    Report r = Validator.check(cpu, Target.DEFAULT, name);
    assertThat(r.edgetpu().opsOnEdgeTpu()).as(TextReportOf(r)).isEqualTo(expectedOnTpu);
    assertThat(r.edgetpuCompatible()).isEqualTo(cpuOpsLeft == 0);
  }

  @ParameterizedTest
  @MethodSource("cpuModels")
  void compiledModelIsRecognisedAndItsPackageDecoded(String name) throws Exception {
    Model compiled =
        TfliteReader.read(
            ConformanceCases.edgetpuCompiled(name.replace(".tflite", "_edgetpu.tflite")));
    Report r = Validator.check(compiled, Target.DEFAULT, name);
    assertThat(r.findings("EDGETPU_PACKAGE")).hasSize(1);
    assertThat(r.findings("EDGETPU_PACKAGE").get(0).message()).contains("DWN1");
    assertThat(r.edgetpuCompatible()).isTrue();

    EdgeTpuPackage p =
        EdgeTpuPackage.decode(compiled.mainSubgraph().operators().get(0).customOptions());
    assertThat(p.identifier()).isEqualTo("DWN1");
    assertThat(p.minRuntimeVersion()).isEqualTo(14); // compiler 16's default -m
    assertThat(p.executables())
        .extracting(EdgeTpuPackage.Executable::type)
        .containsExactlyInAnyOrder("EXECUTION_ONLY", "PARAMETER_CACHING");
    assertThat(p.executables()).extracting(EdgeTpuPackage.Executable::chip).containsOnly("beagle");
    // The pairs' generator recorded the parameter size of the dense models independently.
    JsonNode info =
        new ObjectMapper()
            .readTree(ConformanceCases.edgetpuCompiled(name.replace(".tflite", "_edgetpu.json")));
    if (info.has("param_size")) {
      assertThat(p.cachedParameterBytes()).isEqualTo(info.get("param_size").asLong());
    }
    assertThat(p.cachedParameterBytes()).isPositive();

    // The same package checked for an older Edge TPU runtime is refused.
    Report old =
        Validator.check(compiled, Target.DEFAULT.withEdgeTpuRuntime(p.minRuntimeVersion() - 1));
    assertThat(old.findings("EDGETPU_PACKAGE_RUNTIME")).hasSize(1);
    assertThat(old.edgetpuCompatible()).isFalse();
  }

  private static String TextReportOf(Report r) {
    return org.edgetpu4j.validator.report.TextReport.render(r);
  }
}
