package org.edgetpu4j.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edgetpu4j.validator.rules.TinyModel.in;
import static org.edgetpu4j.validator.rules.TinyModel.q;

import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.Finding;
import org.edgetpu4j.validator.Report;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.tables.RuntimeVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rules about the TFLite runtime: operator versions, custom operators, subgraphs. */
class RuntimeRulesTest {

  static TinyModel int8Fc(int version) {
    TinyModel m = new TinyModel();
    int x = m.act("x", TensorType.INT8, q(0.5, 0), 1, 16);
    int w = m.filled("w", TensorType.INT8, q(0.01, 0), 1, 10, 16);
    int b = m.filled("b", TensorType.INT32, q(0.005, 0), 0, 10);
    int y = m.act("y", TensorType.INT8, q(0.2, 0), 1, 10);
    m.op(
        BuiltinOp.FULLY_CONNECTED,
        version,
        BuiltinOptions.of("FullyConnectedOptions"),
        in(x, w, b),
        y);
    return m.io(in(x), y);
  }

  static Target runtime(String v) {
    return Target.DEFAULT.withRuntime(RuntimeVersion.parse(v));
  }

  @Nested
  class OpVersionTooNewTest {
    @Test
    void int8FullyConnectedDoesNotLoadOn1131() {
      Report r = int8Fc(4).check(runtime("1.13.1"));
      assertThat(r.findings("OP_VERSION_TOO_NEW")).hasSize(1);
      Finding f = r.findings("OP_VERSION_TOO_NEW").get(0);
      assertThat(f.opIndex()).isZero();
      assertThat(f.message())
          .contains("FULLY_CONNECTED v4")
          .contains("because input, weights and output are INT8")
          .contains("needs TFLite runtime 1.14.0")
          .contains("registers FULLY_CONNECTED up to v3");
      assertThat(r.loadsOnTarget()).isFalse();
      assertThat(r.passes()).isFalse();
    }

    @Test
    void int8FullyConnectedLoadsOn1140() {
      Report r = int8Fc(4).check(runtime("1.14.0"));
      assertThat(r.findings("OP_VERSION_TOO_NEW")).isEmpty();
      assertThat(r.loadsOnTarget()).isTrue();
      assertThat(r.minRuntimeVersion()).isEqualTo("1.14.0");
    }

    @Test
    void runtimeWithoutReleaseColumnUsesTheMinimumRuntimeMap() {
      assertThat(int8Fc(5).check(runtime("1.15.0")).findings("OP_VERSION_TOO_NEW")).hasSize(1);
      assertThat(int8Fc(5).check(runtime("2.0.0")).findings("OP_VERSION_TOO_NEW")).isEmpty();
    }
  }

  @Nested
  class OpVersionUnverifiedTest {
    @Test
    void versionNewerThanTheTablesIsReported() {
      Report r = TinyModel.conv(TensorType.INT8, 8, BuiltinOptions.of("Conv2DOptions")).check();
      assertThat(r.findings("OP_VERSION_UNVERIFIED")).hasSize(1);
      assertThat(r.minRuntimeVersion()).isEqualTo(">2.13.0");
    }

    @Test
    void knownVersionIsNotReported() {
      assertThat(TinyModel.int8Conv().check().findings("OP_VERSION_UNVERIFIED")).isEmpty();
    }
  }

  @Nested
  class OpVersionMismatchTest {
    @Test
    void int8ConvStoredAsVersion1IsReported() {
      Report r = TinyModel.conv(TensorType.INT8, 1, BuiltinOptions.of("Conv2DOptions")).check();
      assertThat(r.findings("OP_VERSION_MISMATCH"))
          .singleElement()
          .extracting(Finding::message)
          .asString()
          .contains("needs v3");
    }

    @Test
    void higherStoredVersionIsReportedWithBothRuntimes() {
      Report r = TinyModel.conv(TensorType.INT8, 4, BuiltinOptions.of("Conv2DOptions")).check();
      assertThat(r.findings("OP_VERSION_MISMATCH"))
          .singleElement()
          .extracting(Finding::message)
          .asString()
          .contains("need only v3")
          .contains("v4 needs runtime 2.3.0, v3 1.14.0");
    }

    @Test
    void sharedOperatorCodeTakesTheHighestNeed() {
      // A float and an INT8 FULLY_CONNECTED share one code at v4: no mismatch.
      TinyModel m = RuntimeRulesTest.int8Fc(4);
      int fx = m.act("fx", TensorType.FLOAT32, org.edgetpu4j.tflite.QuantParams.NONE, 1, 16);
      int fw = m.filled("fw", TensorType.FLOAT32, org.edgetpu4j.tflite.QuantParams.NONE, 0, 10, 16);
      int fy = m.act("fy", TensorType.FLOAT32, org.edgetpu4j.tflite.QuantParams.NONE, 1, 10);
      m.op(
          BuiltinOp.FULLY_CONNECTED,
          4,
          BuiltinOptions.of("FullyConnectedOptions"),
          in(fx, fw, -1),
          fy);
      m.io(in(0, fx), 3, fy); // int8Fc's input is tensor 0, its output tensor 3
      assertThat(m.check().findings("OP_VERSION_MISMATCH")).isEmpty();
    }

    @Test
    void matchingVersionIsNotReported() {
      assertThat(TinyModel.int8Conv().check().findings("OP_VERSION_MISMATCH")).isEmpty();
    }
  }

  @Nested
  class CustomOpTest {
    @Test
    void customOperatorIsReportedAndStaysOnCpu() {
      TinyModel m = new TinyModel();
      int x = m.act("x", TensorType.INT8, q(1, 0), 1, 8);
      int y = m.act("y", TensorType.INT8, q(1, 0), 1, 8);
      m.custom("MyOp", new byte[0], in(x), y);
      Report r = m.io(in(x), y).check();
      assertThat(r.findings("CUSTOM_OP")).hasSize(1);
      assertThat(r.edgetpuCompatible()).isFalse();
    }

    @Test
    void builtinOperatorIsNotReported() {
      assertThat(TinyModel.int8Conv().check().findings("CUSTOM_OP")).isEmpty();
    }
  }

  @Nested
  class MultipleSubgraphsTest {
    @Test
    void secondSubgraphIsReported() {
      assertThat(TinyModel.int8Conv().withExtraSubgraph().check().findings("MULTIPLE_SUBGRAPHS"))
          .hasSize(1);
    }

    @Test
    void singleSubgraphIsNotReported() {
      assertThat(TinyModel.int8Conv().check().findings("MULTIPLE_SUBGRAPHS")).isEmpty();
    }
  }
}
