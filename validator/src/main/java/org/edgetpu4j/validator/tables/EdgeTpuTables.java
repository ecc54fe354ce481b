package org.edgetpu4j.validator.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.edgetpu4j.tflite.BuiltinOp;

/**
 * Edge TPU facts as data: the supported-operations table ({@code edgetpu_ops.csv}), the operator
 * version ceilings of the compiler's own TFLite parser ({@code edgetpu_compiler_op_versions.csv})
 * and the compiler releases with their default runtime ({@code edgetpu_compilers.csv}).
 */
public final class EdgeTpuTables {
  private static final EdgeTpuTables INSTANCE = load();

  /**
   * A known parser ceiling.
   *
   * @param compiler the compiler release the refusal was seen with
   * @param op the operator
   * @param maxVersion the highest version that release parses
   * @param evidence where the refusal was reported
   */
  public record Ceiling(CompilerVersion compiler, BuiltinOp op, int maxVersion, String evidence) {}

  /**
   * A compiler release.
   *
   * @param release the release line
   * @param fullVersion the full version string the compiler prints
   * @param defaultRuntime the Edge TPU runtime its output needs unless {@code -m} says otherwise
   * @param parserTflite the newest TFLite release whose operator versions its parser knows
   *     (inferred from the refusals users reported)
   */
  public record Compiler(
      CompilerVersion release,
      String fullVersion,
      int defaultRuntime,
      RuntimeVersion parserTflite) {}

  private final Map<BuiltinOp, EdgeTpuOp> ops;
  private final List<Ceiling> ceilings;
  private final List<Compiler> compilers;

  private EdgeTpuTables(
      Map<BuiltinOp, EdgeTpuOp> ops, List<Ceiling> ceilings, List<Compiler> compilers) {
    this.ops = ops;
    this.ceilings = List.copyOf(ceilings);
    this.compilers = List.copyOf(compilers);
  }

  /** The tables shipped with this library. */
  public static EdgeTpuTables get() {
    return INSTANCE;
  }

  /** The supported-operations row of {@code op}; empty when the Edge TPU cannot run it. */
  public Optional<EdgeTpuOp> op(BuiltinOp op) {
    return Optional.ofNullable(ops.get(op));
  }

  /** Every supported operator. */
  public List<EdgeTpuOp> ops() {
    return List.copyOf(ops.values());
  }

  /** Every known parser ceiling. */
  public List<Ceiling> ceilings() {
    return ceilings;
  }

  /** The compiler releases, oldest first. */
  public List<Compiler> compilers() {
    return compilers;
  }

  /**
   * The highest version of {@code op} that {@code compiler}'s parser accepts, where known: a
   * ceiling seen in a release holds for every older release too, so this is the lowest ceiling
   * reported for {@code compiler} or any newer release.
   */
  public OptionalInt maxParsedVersion(BuiltinOp op, CompilerVersion compiler) {
    return ceilingFor(op, compiler)
        .map(c -> OptionalInt.of(c.maxVersion()))
        .orElse(OptionalInt.empty());
  }

  /** The ceiling that decides {@link #maxParsedVersion}, with its evidence. */
  public Optional<Ceiling> ceilingFor(BuiltinOp op, CompilerVersion compiler) {
    Ceiling best = null;
    for (Ceiling c : ceilings) {
      if (c.op() == op
          && !c.compiler().isOlderThan(compiler)
          && (best == null || c.maxVersion() < best.maxVersion())) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The release {@code compiler} belongs to, if the table knows it. */
  public Optional<Compiler> compiler(CompilerVersion compiler) {
    return compilers.stream().filter(c -> c.release().compareTo(compiler) == 0).findFirst();
  }

  private static EdgeTpuTables load() {
    Map<BuiltinOp, EdgeTpuOp> ops = new EnumMap<>(BuiltinOp.class);
    List<String[]> rows = Csv.read("edgetpu_ops.csv");
    for (String[] c : rows.subList(1, rows.size())) {
      List<String> lim = c[3].isEmpty() ? List.of() : Arrays.asList(c[3].split(";"));
      BuiltinOp op = BuiltinOp.valueOf(c[0]);
      if (ops.put(op, new EdgeTpuOp(op, Integer.parseInt(c[1]), CompilerVersion.parse(c[2]), lim))
          != null) {
        throw new IllegalStateException("edgetpu_ops.csv has two rows for " + op);
      }
    }
    List<Ceiling> ceilings = new ArrayList<>();
    rows = Csv.read("edgetpu_compiler_op_versions.csv");
    for (String[] c : rows.subList(1, rows.size())) {
      ceilings.add(
          new Ceiling(
              CompilerVersion.parse(c[0]), BuiltinOp.valueOf(c[1]), Integer.parseInt(c[2]), c[3]));
    }
    List<Compiler> compilers = new ArrayList<>();
    rows = Csv.read("edgetpu_compilers.csv");
    for (String[] c : rows.subList(1, rows.size())) {
      compilers.add(
          new Compiler(
              CompilerVersion.parse(c[0]),
              c[1],
              Integer.parseInt(c[2]),
              RuntimeVersion.parse(c[3])));
    }
    return new EdgeTpuTables(ops, ceilings, compilers);
  }
}
