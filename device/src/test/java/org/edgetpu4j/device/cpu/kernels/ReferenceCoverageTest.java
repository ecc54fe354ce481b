package org.edgetpu4j.device.cpu.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.tflite.BuiltinOp;
import org.junit.jupiter.api.Test;

/**
 * Compares the operator table with the builtin operators TFLite's reference resolver registers
 * ({@code kernels/register_ref_ops.txt}) and prints what is covered and what is missing.
 */
class ReferenceCoverageTest {
  @Test
  void printsCoverageAgainstReferenceResolver() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/kernels/register_ref_ops.txt")) {
      assertThat(in).isNotNull();
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    Map<BuiltinOp, Integer> ours = Kernels.supported();
    List<String> covered = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      BuiltinOp op = BuiltinOp.valueOf(f[0]);
      int max = Integer.parseInt(f[2]);
      Integer have = ours.get(op);
      if (have == null) {
        missing.add(f[0]);
      } else if (have < max) {
        partial.add(f[0] + " (v" + have + " of v" + max + ")");
      } else {
        covered.add(f[0]);
      }
    }
    int total = covered.size() + partial.size() + missing.size();
    System.out.println(
        "reference resolver builtins: "
            + total
            + ", covered "
            + covered.size()
            + ", older versions only "
            + partial.size()
            + ", missing "
            + missing.size());
    System.out.println("covered: " + covered);
    System.out.println("older versions only: " + partial);
    System.out.println("missing: " + missing);
    assertThat(total).isGreaterThan(140);
    assertThat(covered.size() + partial.size()).isGreaterThanOrEqualTo(75);
  }
}
