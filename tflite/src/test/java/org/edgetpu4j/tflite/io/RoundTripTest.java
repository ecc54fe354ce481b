package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  static Stream<String> conformance() {
    return ConformanceCases.names().stream();
  }

  static List<String> compiled() {
    return ConformanceCases.edgetpuCompiledNames();
  }

  @ParameterizedTest
  @MethodSource("conformance")
  void conformanceModelReadsAndRoundTrips(String name) throws Exception {
    roundTrip(ConformanceCases.load(name).model());
  }

  @ParameterizedTest
  @MethodSource("compiled")
  void edgetpuPairReadsAndRoundTrips(String file) throws Exception {
    roundTrip(ConformanceCases.edgetpuCompiled(file));
  }

  private static void roundTrip(byte[] bytes) throws Exception {
    Model model = TfliteReader.read(bytes);
    assertThat(model.subgraphs()).isNotEmpty();
    byte[] written = TfliteWriter.toBytes(model);
    Model again = TfliteReader.read(written);
    assertThat(again).isEqualTo(model);
    assertThat(TfliteWriter.toBytes(again)).isEqualTo(written);
  }
}
