package org.edgetpu4j.device.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.ModelFormatException;
import org.edgetpu4j.tflite.io.TfliteReader;
import org.edgetpu4j.tflite.io.TfliteWriter;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.edgetpu4j.validator.Target;
import org.edgetpu4j.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Read → check → load → run of mutated real models (the conformance cases and the Edge TPU compiled
 * pairs): option values, shapes, types, quantization, constant data, wiring, operator codes, and
 * bit flips of the written bytes. Only {@link ModelFormatException}, {@link ModelRefusedException}
 * and {@link InvalidInputException} may come out, none of them with a message from a missed check;
 * no case may take 2 s on a model under 1 MB; the heap stays bounded.
 *
 * <p>Lives in the cli module because it needs both the validator and the interpreter, and the
 * device module must not depend on the validator. Small in CI; {@code
 * -Dedgetpu4j.fuzz.mutants=200000} runs the long soak, {@code -Dedgetpu4j.fuzz.first=N} starts at
 * case N (every case is reproducible from its number alone).
 */
class InterpreterFuzzTest {
  private static final int MUTANTS = Integer.getInteger("edgetpu4j.fuzz.mutants", 3000);
  private static final int FIRST = Integer.getInteger("edgetpu4j.fuzz.first", 0);
  private static final long SEED = Long.getLong("edgetpu4j.fuzz.seed", 20261204L);

  /** {@code -Dedgetpu4j.fuzz.dump=DIR} writes every mutant there, to reproduce a case. */
  private static final String DUMP = System.getProperty("edgetpu4j.fuzz.dump");

  private static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long HANG_SECONDS = 20;
  private static final long SMALL_MODEL = 1 << 20;
  private static final InterpreterOptions OPTIONS =
      InterpreterOptions.defaults()
          .withLimits(Limits.ofBytes(16L << 20).withMaxOpsPerRun(1L << 26));
  private static final long MAX_HEAP_BYTES = 1L << 30;

  private record Seed(String name, byte[] bytes, Model model) {}

  @Test
  @Timeout(value = 6, unit = TimeUnit.HOURS)
  void mutatedModelsFailOnlyWithDocumentedExceptions() throws Exception {
    List<Seed> seeds = new ArrayList<>();
    for (String name : ConformanceCases.names()) {
      byte[] b = ConformanceCases.load(name).model();
      seeds.add(new Seed(name, b, TfliteReader.read(b)));
    }
    for (String file : ConformanceCases.edgetpuCompiledNames()) {
      byte[] b = ConformanceCases.edgetpuCompiled(file);
      seeds.add(new Seed(file, b, TfliteReader.read(b)));
    }
    for (Seed s : seeds) {
      oneCase(s.bytes); // class loading and first compilation are not the mutants' cost
    }
    resetPeaks();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long worst = 0;
    String worstCase = "";
    ExecutorService pool = newPool();
    try {
      for (int n = FIRST; n < FIRST + MUTANTS; n++) {
        Random r = new Random(SEED * 1_000_003L + n);
        Seed seed = seeds.get(r.nextInt(seeds.size()));
        if (seed.bytes.length > SMALL_MODEL && r.nextInt(8) != 0) {
          seed = seeds.get(0); // the largest models cost most per case: mutate them less often
        }
        int kind = r.nextInt(ModelMutator.KINDS.length);
        String what = "case " + n + " (" + seed.name + ", " + ModelMutator.KINDS[kind] + ")";
        byte[] bytes = mutant(seed, kind, r);
        if (bytes == null) {
          count(outcomes, "not applicable");
          continue;
        }
        if (DUMP != null) {
          java.nio.file.Files.createDirectories(java.nio.file.Path.of(DUMP));
          java.nio.file.Files.write(java.nio.file.Path.of(DUMP, "case-" + n + ".tflite"), bytes);
        }
        long t0 = System.nanoTime();
        Future<String> f = pool.submit(() -> oneCase(bytes) + " |" + STAGES.get());
        String outcome;
        String stages = "";
        try {
          String[] parts = f.get(HANG_SECONDS, TimeUnit.SECONDS).split(" \\|", 2);
          outcome = parts[0];
          stages = parts.length > 1 ? parts[1] : "";
        } catch (TimeoutException e) {
          f.cancel(true);
          pool.shutdownNow();
          pool = newPool();
          outcome = "FAIL hung for more than " + HANG_SECONDS + " s";
        } catch (java.util.concurrent.ExecutionException e) {
          outcome = "FAIL " + e.getCause();
        }
        long nanos = System.nanoTime() - t0;
        if (nanos > worst && bytes.length < SMALL_MODEL) {
          worst = nanos;
          worstCase = what + " -> " + outcome + ", ms per stage:" + stages;
        }
        if (nanos > SLOW_NANOS && bytes.length < SMALL_MODEL && !outcome.startsWith("FAIL")) {
          outcome = "FAIL took " + nanos / 1_000_000 + " ms (ms per stage:" + stages + ")";
        }
        if (outcome.startsWith("FAIL")) {
          if (failures.size() < 50) {
            failures.add(what + ": " + outcome);
          }
          count(outcomes, "FAIL");
        } else {
          count(outcomes, outcome);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long peak = peakHeap();
    System.out.printf(
        "interpreter fuzz: cases %d..%d, outcomes %s, slowest %.1f ms (%s), peak heap %d MB%n",
        FIRST, FIRST + MUTANTS - 1, outcomes, worst / 1e6, worstCase, peak >> 20);
    assertThat(failures).isEmpty();
    assertThat(outcomes.getOrDefault("ran", 0)).as("some mutants still run").isPositive();
    assertThat(outcomes.getOrDefault("refused at load", 0)).as("some are refused").isPositive();
    assertThat(peak).as("peak heap").isLessThan(MAX_HEAP_BYTES);
  }

  private static ExecutorService newPool() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread t = new Thread(task, "fuzz-case");
          t.setDaemon(true);
          return t;
        });
  }

  /** The bytes of one mutant: a record-level mutation written by the writer, or bit flips. */
  private static byte[] mutant(Seed seed, int kind, Random r) {
    if (ModelMutator.KINDS[kind].equals("bits")) {
      byte[] b = seed.bytes.clone();
      int structure = Math.max(8, Math.min(b.length, 8192));
      int flips = 1 + r.nextInt(4);
      for (int i = 0; i < flips; i++) {
        int pos = r.nextInt(r.nextBoolean() ? structure : b.length);
        b[pos] ^= (byte) (1 << r.nextInt(8));
      }
      return b;
    }
    Model m = seed.model;
    int edits = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
    for (int i = 0; i < edits && m != null; i++) {
      m = ModelMutator.mutate(m, i == 0 ? kind : r.nextInt(ModelMutator.KINDS.length - 1), r);
    }
    if (m == null) {
      return null;
    }
    try {
      return TfliteWriter.toBytes(m);
    } catch (ModelFormatException e) {
      return null; // the writer refuses what the reader would
    }
  }

  /** Milliseconds each stage of the current case took, for the message of a slow case. */
  private static final ThreadLocal<StringBuilder> STAGES =
      ThreadLocal.withInitial(StringBuilder::new);

  private static void stage(String name, long t0) {
    STAGES.get().append(' ').append(name).append(' ').append((System.nanoTime() - t0) / 1_000_000);
  }

  /** Read, check, load and run one mutant; returns the outcome or "FAIL ...". */
  private static String oneCase(byte[] bytes) {
    STAGES.get().setLength(0);
    Model m;
    long t0 = System.nanoTime();
    try {
      m = TfliteReader.read(bytes);
    } catch (ModelFormatException e) {
      return "refused by the reader";
    } catch (Throwable t) {
      return "FAIL reader threw " + t;
    }
    stage("read", t0);
    t0 = System.nanoTime();
    try {
      Validator.check(m, Target.DEFAULT);
    } catch (Throwable t) {
      return "FAIL validator threw " + t;
    }
    stage("check", t0);
    String stage = "load";
    t0 = System.nanoTime();
    try {
      Interpreter it = Interpreter.load(m, OPTIONS);
      stage("load", t0);
      t0 = System.nanoTime();
      stage = "run";
      List<byte[]> in = new ArrayList<>();
      for (int i = 0; i < it.inputCount(); i++) {
        in.add(new byte[it.input(i).byteSize()]);
      }
      it.run(in);
      return "ran";
    } catch (ModelRefusedException | InvalidInputException e) {
      String msg = e.getMessage();
      if (msg == null || msg.isBlank() || msg.contains(Planner.INTERNAL)) {
        return "FAIL refused at " + stage + " without a reason: " + msg;
      }
      return (e instanceof InvalidInputException ? "invalid input at " : "refused at ") + stage;
    } catch (Throwable t) {
      return "FAIL " + stage + " threw " + t;
    }
  }

  private static void count(Map<String, Integer> m, String k) {
    m.merge(k, 1, Integer::sum);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
