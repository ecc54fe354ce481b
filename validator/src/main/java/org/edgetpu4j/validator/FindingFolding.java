package org.edgetpu4j.validator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One finding per cause per operator: an operator the Edge TPU does not support at all gets one
 * error, and the other Edge TPU errors on the same operator (its version, data types, rank,
 * limitations) are folded into that error's message as secondary causes.
 */
final class FindingFolding {
  private FindingFolding() {}

  /** The finding that becomes the operator's one error. */
  static final String PRIMARY = "EDGETPU_UNSUPPORTED_OP";

  /** Errors that are folded into the primary finding of the same operator. */
  static final Set<String> SECONDARY =
      Set.of("EDGETPU_OP_VERSION", "EDGETPU_OP_LIMITATION", "EDGETPU_DATA_TYPE", "TENSOR_RANK");

  private static final Pattern ALSO = Pattern.compile("Also \\[([A-Z0-9_]+)\\]");

  /** Folds secondary errors into the primary error of the same operator; order is kept. */
  static List<Finding> fold(List<Finding> findings) {
    Map<String, Finding> primary = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (f.ruleId().equals(PRIMARY) && f.opIndex() >= 0) {
        primary.putIfAbsent(key(f), f);
      }
    }
    if (primary.isEmpty()) {
      return findings;
    }
    Map<String, StringBuilder> extra = new LinkedHashMap<>();
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR
          && SECONDARY.contains(f.ruleId())
          && primary.containsKey(key(f))) {
        extra
            .computeIfAbsent(key(f), k -> new StringBuilder())
            .append(" Also [")
            .append(f.ruleId())
            .append("]: ")
            .append(f.message());
      } else {
        kept.add(f);
      }
    }
    List<Finding> out = new ArrayList<>(kept.size());
    for (Finding f : kept) {
      StringBuilder more = f.ruleId().equals(PRIMARY) ? extra.remove(key(f)) : null;
      out.add(more == null ? f : f.with(f.severity(), f.message() + more, f.edgetpuStatus()));
    }
    return out;
  }

  /** The rule ids folded into {@code f}'s message as secondary causes. */
  static List<String> secondaryRules(Finding f) {
    List<String> out = new ArrayList<>();
    Matcher m = ALSO.matcher(f.message());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String key(Finding f) {
    return f.subgraph() + "/" + f.opIndex();
  }
}
