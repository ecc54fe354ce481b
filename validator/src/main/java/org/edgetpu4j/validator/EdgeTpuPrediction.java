package org.edgetpu4j.validator;

import java.util.List;

/**
 * What the Edge TPU compiler is predicted to do with the model.
 *
 * @param compiles false when the compiler is expected to refuse the whole model
 * @param compileErrors why it refuses it (empty when it compiles)
 * @param mapping how much of the model maps
 * @param firstUnmappableOpIndex where the single Edge TPU partition ends (the first operation that
 *     cannot be mapped, other than float conversions at the graph's edges); -1 when none
 * @param unmappableOps operators that cannot be mapped themselves (not merely cut off)
 * @param opsOnEdgeTpu number of operators on the Edge TPU
 * @param opsOnCpu number of operators on the CPU
 * @param parameterBytes constant bytes of the Edge TPU-supported operators
 */
public record EdgeTpuPrediction(
    boolean compiles,
    List<String> compileErrors,
    Mapping mapping,
    int firstUnmappableOpIndex,
    List<Integer> unmappableOps,
    int opsOnEdgeTpu,
    int opsOnCpu,
    long parameterBytes) {

  /** How much of the model maps onto the Edge TPU. */
  public enum Mapping {
    /** Every operator. */
    FULL,
    /** Some operators; the rest run on the CPU. */
    PARTIAL,
    /** Nothing useful. */
    NONE
  }

  /** Copies the lists. */
  public EdgeTpuPrediction {
    compileErrors = List.copyOf(compileErrors);
    unmappableOps = List.copyOf(unmappableOps);
  }
}
