package org.edgetpu4j.compiler.pass;

import org.edgetpu4j.compiler.graph.TfGraph;

/**
 * One graph-to-graph rewrite. A pass reads an immutable {@link TfGraph} and returns a new one;
 * where a precondition for a rewrite fails, it skips that site and counts it rather than
 * half-rewriting.
 */
public interface Pass {
  /** The kebab-case id used on the command line and in logs, e.g. {@code fold-batch-norm}. */
  String name();

  /** One sentence on what the pass does. */
  String description();

  /** Applies the pass; counters go to {@code context}. */
  TfGraph apply(TfGraph graph, PassContext context);

  /** True when applying the pass twice gives the same graph as applying it once. */
  default boolean idempotent() {
    return true;
  }
}
