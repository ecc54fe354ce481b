package org.edgetpu4j.compiler.pass;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per-pass named counters, such as {@code folded=3} or {@code skipped(non-constant)=1}. */
public final class PassContext {
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  /** Adds one to counter {@code name}. */
  public void count(String name) {
    count(name, 1);
  }

  /** Adds {@code n} to counter {@code name}. */
  public void count(String name, int n) {
    counters.merge(name, n, Integer::sum);
  }

  /** The value of counter {@code name} (0 if never counted). */
  public int get(String name) {
    return counters.getOrDefault(name, 0);
  }

  /** All counters in the order they were first counted. */
  public Map<String, Integer> counters() {
    return Map.copyOf(counters);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    counters.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return sb.toString();
  }
}
