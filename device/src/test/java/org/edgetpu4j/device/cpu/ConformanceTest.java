package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance case with reference goldens (except custom-op cases), 16x8 included: integer
 * outputs must be bit-exact, float outputs within 1e-5 relative + 1e-6 absolute.
 */
class ConformanceTest {
  private static final List<String> SUMMARY = new ArrayList<>();
  private static long samples;
  private static long samplesExact;
  private static long bytes;
  private static long bytesEqual;

  static Stream<String> cases() {
    return ConformanceCases.names().stream().filter(ConformanceTest::inScope);
  }

  static boolean inScope(String name) {
    ConformanceCases.Case c = ConformanceCases.load(name);
    return c.hasGoldens() && !name.startsWith("custom_op");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesReferenceGoldens(String name) throws Exception {
    ConformanceCases.Case c = ConformanceCases.load(name);
    Model model = TfliteReader.read(c.model());
    Interpreter interpreter = Interpreter.load(model);
    int exact = 0;
    int n = 0;
    long caseBytes = 0;
    long caseEqual = 0;
    int maxOptDiff = 0;
    double maxFloatErr = 0;
    int floatUlpDiffs = 0;
    List<String> failures = new ArrayList<>();
    for (ConformanceCases.Sample s : c.samples()) {
      List<byte[]> ins = s.inputs().stream().map(ConformanceCases.TensorFile::bytes).toList();
      List<byte[]> outs = interpreter.run(ins);
      boolean sampleExact = true;
      for (int j = 0; j < outs.size(); j++) {
        ConformanceCases.TensorFile want = s.outputs().get(j);
        byte[] got = outs.get(j);
        caseBytes += want.bytes().length;
        if (got.length != want.bytes().length) {
          failures.add(
              "sample "
                  + s.index()
                  + " output "
                  + j
                  + ": "
                  + got.length
                  + " bytes, want "
                  + want.bytes().length);
          sampleExact = false;
          continue;
        }
        for (int k = 0; k < got.length; k++) {
          if (got[k] == want.bytes()[k]) {
            caseEqual++;
          }
        }
        if (want.dtype().equals("float32")) {
          FloatBuffer2 a = new FloatBuffer2(got);
          FloatBuffer2 b = new FloatBuffer2(want.bytes());
          for (int k = 0; k < a.size(); k++) {
            float x = a.get(k);
            float y = b.get(k);
            if (Float.floatToIntBits(x) != Float.floatToIntBits(y)) {
              sampleExact = false;
              floatUlpDiffs++;
              double err = Math.abs(x - y);
              maxFloatErr = Math.max(maxFloatErr, err);
              if (err > 1e-5 * Math.abs(y) + 1e-6) {
                failures.add(
                    "sample " + s.index() + " output " + j + "[" + k + "]: " + x + " want " + y);
              }
            }
          }
        } else {
          int diffs = 0;
          int maxDiff = 0;
          for (int k = 0; k < got.length; k++) {
            if (got[k] != want.bytes()[k]) {
              diffs++;
              maxDiff =
                  Math.max(
                      maxDiff,
                      Math.abs(value(got[k], want.dtype()) - value(want.bytes()[k], want.dtype())));
            }
          }
          if (diffs > 0) {
            sampleExact = false;
            failures.add(
                "sample "
                    + s.index()
                    + " output "
                    + j
                    + ": "
                    + diffs
                    + "/"
                    + got.length
                    + " bytes differ, max "
                    + maxDiff);
          }
          if (s.optimized().get(j).isPresent()) {
            byte[] opt = s.optimized().get(j).get().bytes();
            for (int k = 0; k < got.length; k++) {
              maxOptDiff =
                  Math.max(
                      maxOptDiff,
                      Math.abs(value(got[k], want.dtype()) - value(opt[k], want.dtype())));
            }
          }
        }
      }
      n++;
      if (sampleExact) {
        exact++;
      }
    }
    synchronized (SUMMARY) {
      samples += n;
      samplesExact += exact;
      bytes += caseBytes;
      bytesEqual += caseEqual;
      SUMMARY.add(
          String.format(
              "%-40s samples %d/%d exact  bytes %d/%d  %s%s",
              name,
              exact,
              n,
              caseEqual,
              caseBytes,
              maxOptDiff > 0 ? "max diff vs optimized " + maxOptDiff + " " : "",
              floatUlpDiffs > 0
                  ? "float elements not bit-identical "
                      + floatUlpDiffs
                      + " (max abs err "
                      + maxFloatErr
                      + ")"
                  : ""));
    }
    assertThat(failures).as(name).isEmpty();
  }

  private static int value(byte b, String dtype) {
    return dtype.equals("uint8") ? b & 0xFF : b;
  }

  @AfterAll
  static void printSummary() {
    SUMMARY.sort(String::compareTo);
    SUMMARY.forEach(System.out::println);
    System.out.printf(
        "TOTAL cases %d, samples bit-exact %d/%d, bytes identical %d/%d%n",
        SUMMARY.size(), samplesExact, samples, bytesEqual, bytes);
  }

  /** Little-endian float view of raw bytes. */
  private record FloatBuffer2(ByteBuffer b) {
    FloatBuffer2(byte[] raw) {
      this(ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN));
    }

    int size() {
      return b.capacity() / 4;
    }

    float get(int i) {
      return b.getFloat(4 * i);
    }
  }
}
