package org.edgetpu4j.compiler.pass;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.edgetpu4j.compiler.graph.GraphPrinter;
import org.edgetpu4j.compiler.graph.TfGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs passes in order. Options: print the graph after every pass or after named passes, verify the
 * graph after each pass, and collect each pass's counters.
 */
public final class PassManager {
  private static final Logger LOG = LoggerFactory.getLogger(PassManager.class);

  private final List<Pass> passes = new ArrayList<>();
  private final Set<String> printAfter = new HashSet<>();
  private boolean printAfterAll;
  private boolean verifyEach;
  private Consumer<String> printer = LOG::info;

  /** The outcome of a run. */
  public record Result(TfGraph graph, Map<String, Map<String, Integer>> counters) {
    /** Counters as one line per pass: {@code fold-batch-norm: folded=2}. */
    public String summary() {
      StringBuilder sb = new StringBuilder();
      counters.forEach((p, c) -> sb.append(p).append(": ").append(format(c)).append('\n'));
      return sb.toString();
    }

    private static String format(Map<String, Integer> c) {
      StringBuilder sb = new StringBuilder();
      new java.util.TreeMap<>(c)
          .forEach(
              (k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
      return sb.toString();
    }
  }

  /** Appends a pass. */
  public PassManager add(Pass pass) {
    passes.add(pass);
    return this;
  }

  /** Prints the graph after every pass. */
  public PassManager printAfterAll(boolean on) {
    this.printAfterAll = on;
    return this;
  }

  /** Prints the graph after the pass with this name. */
  public PassManager printAfter(String passName) {
    printAfter.add(passName);
    return this;
  }

  /** Verifies the graph (inputs resolve, no cycles, TensorFlow accepts it) after each pass. */
  public PassManager verifyEach(boolean on) {
    this.verifyEach = on;
    return this;
  }

  /** Where printed graphs go (default: the SLF4J logger at INFO). */
  public PassManager printTo(Consumer<String> sink) {
    this.printer = sink;
    return this;
  }

  /** The pass names in order. */
  public List<String> passNames() {
    return passes.stream().map(Pass::name).toList();
  }

  /** Runs all passes on {@code graph}. */
  public Result run(TfGraph graph) {
    Map<String, Map<String, Integer>> counters = new LinkedHashMap<>();
    TfGraph g = graph;
    for (Pass p : passes) {
      PassContext ctx = new PassContext();
      long t0 = System.nanoTime();
      g = p.apply(g, ctx);
      LOG.debug("{}: {} ({} ms)", p.name(), ctx, (System.nanoTime() - t0) / 1_000_000);
      counters.merge(p.name(), ctx.counters(), PassManager::sum);
      if (verifyEach) {
        try {
          GraphVerifier.verifyWithTensorFlow(g);
        } catch (RuntimeException e) {
          throw new org.edgetpu4j.compiler.graph.GraphException(
              "after pass " + p.name() + ": " + e.getMessage(), e);
        }
      }
      if (printAfterAll || printAfter.contains(p.name())) {
        printer.accept("// after " + p.name() + "\n" + GraphPrinter.print(g));
      }
    }
    return new Result(g, counters);
  }

  private static Map<String, Integer> sum(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, Integer> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Integer::sum));
    return out;
  }
}
