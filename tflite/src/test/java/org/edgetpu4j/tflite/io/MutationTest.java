package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds corrupted versions of every conformance and Edge TPU model through the reader: bit flips,
 * truncations, offset and vtable rewrites, byte overwrites and semantic corruptions (shapes,
 * indices, buffer sizes, quantization arrays, operator order). The reader must either return a
 * model that writes and reads back equal, or throw {@link ModelFormatException}; nothing else,
 * never slowly, never by running out of memory.
 */
class MutationTest {
  /** How many corrupted models to read; {@code -Dedgetpu4j.mutations=N} runs a longer soak. */
  private static final int TARGET = Integer.getInteger("edgetpu4j.mutations", 20_400);

  private static final long MAX_READ_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int[] SPECIAL = {
    0, 1, 2, 3, 4, -1, -4, 0x7fffffff, 0x80000000, 0x7ffffff0, 0x10000, 0xffff, 0x8000, 12
  };

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void corruptedModelsOnlyEverFailWithModelFormatException() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : ConformanceCases.names()) {
      seeds.add(ConformanceCases.load(name).model());
    }
    for (String file : ConformanceCases.edgetpuCompiledNames()) {
      seeds.add(ConformanceCases.edgetpuCompiled(file));
    }
    Random rnd = new Random(20261123L);
    int total = 0;
    int rejected = 0;
    long worstNanos = 0;
    String worst = "";
    for (int round = 0; total < TARGET; round++) {
      for (int s = 0; s < seeds.size() && total < TARGET; s++) {
        byte[] seed = seeds.get(s);
        if (seed.length > 500_000 && round % 8 != 0) {
          continue; // the largest models cost most per read: corrupt them less often
        }
        int kind = total % 6;
        byte[] bytes = mutate(seed, kind, rnd);
        String what = "seed " + s + " kind " + kind + " round " + round;
        long t0 = System.nanoTime();
        try {
          Model model = TfliteReader.read(bytes);
          assertThat(TfliteReader.read(TfliteWriter.toBytes(model))).as(what).isEqualTo(model);
        } catch (ModelFormatException e) {
          rejected++;
          if (e.getMessage().startsWith(TfliteReader.INTERNAL)) {
            Files.write(Path.of("target", "mutation-failure.tflite"), bytes);
            fail(what + ": verification let through a buffer decoding then failed on", e);
          }
          assertThat(e.getMessage()).as(what).isNotBlank();
        } catch (Throwable t) {
          fail(what + ": the reader threw " + t, t);
        }
        long nanos = System.nanoTime() - t0;
        if (nanos > worstNanos) {
          worstNanos = nanos;
          worst = what + " (" + bytes.length + " bytes)";
        }
        total++;
      }
    }
    System.out.printf(
        "mutation test: %d corrupted models read, %d rejected, longest read %.1f ms" + " (%s)%n",
        total, rejected, worstNanos / 1e6, worst);
    assertThat(total).isGreaterThanOrEqualTo(Math.min(TARGET, 20_000));
    assertThat(rejected).as("most corruptions are caught").isGreaterThan(total / 2);
    assertThat(worstNanos).as("longest read: " + worst).isLessThan(MAX_READ_NANOS);
  }

  @Test
  void semanticCorruptionsAreRejectedWithTheirLocation() throws Exception {
    int checked = 0;
    for (String name : ConformanceCases.names()) {
      Model model = TfliteReader.read(ConformanceCases.load(name).model());
      for (SemanticCorruption c : SemanticCorruption.values()) {
        Model broken = c.apply(model);
        if (broken == null) {
          continue; // not applicable to this model
        }
        byte[] bytes = ModelEncoder.encode(broken);
        assertThat(catchThrowable(() -> TfliteReader.read(bytes)))
            .as("reader refuses %s on %s", c, name)
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining(c.expectedInMessage());
        assertThat(catchThrowable(() -> TfliteWriter.toBytes(broken)))
            .as("writer refuses %s on %s", c, name)
            .isInstanceOf(ModelFormatException.class);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(300);
  }

  private static byte[] mutate(byte[] seed, int kind, Random rnd) {
    byte[] b = seed.clone();
    // Converters write tables and vtables before the buffers, so structure sits near the start.
    int structure = Math.max(8, Math.min(b.length, 8192));
    switch (kind) {
      case 0 -> {
        int flips = 1 + rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
          int pos = rnd.nextInt(rnd.nextBoolean() ? structure : b.length);
          b[pos] ^= (byte) (1 << rnd.nextInt(8));
        }
      }
      case 1 -> {
        return java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
      }
      case 2, 3 -> {
        int pos = (rnd.nextInt(structure) & ~3);
        if (pos + 4 <= b.length) {
          int value = kind == 2 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextInt();
          putInt(b, pos, value);
        }
      }
      case 4 -> {
        int pos = rnd.nextInt(structure);
        if (pos + 2 <= b.length) {
          int value = SPECIAL[rnd.nextInt(SPECIAL.length)];
          b[pos] = (byte) value;
          b[pos + 1] = (byte) (value >>> 8);
        }
      }
      default -> {
        int a = rnd.nextInt(structure) & ~3;
        int c = rnd.nextInt(structure) & ~3;
        if (a + 4 <= b.length && c + 4 <= b.length) {
          byte[] tmp = java.util.Arrays.copyOfRange(b, a, a + 4);
          System.arraycopy(b, c, b, a, 4);
          System.arraycopy(tmp, 0, b, c, 4);
        }
      }
    }
    return b;
  }

  private static void putInt(byte[] b, int pos, int v) {
    b[pos] = (byte) v;
    b[pos + 1] = (byte) (v >>> 8);
    b[pos + 2] = (byte) (v >>> 16);
    b[pos + 3] = (byte) (v >>> 24);
  }
}
