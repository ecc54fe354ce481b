package org.edgetpu4j.validator.tables;

import java.util.List;
import org.edgetpu4j.tflite.BuiltinOp;

/**
 * A row of the Edge TPU supported-operations table.
 *
 * @param op the builtin operator
 * @param minRuntime the oldest Edge TPU runtime (compiler {@code -m} value) that maps it
 * @param minCompiler the oldest compiler release that maps it
 * @param limitations names of the limitations that apply (see {@code edgetpu.Limitation})
 */
public record EdgeTpuOp(
    BuiltinOp op, int minRuntime, CompilerVersion minCompiler, List<String> limitations) {

  /** Copies the list. */
  public EdgeTpuOp {
    limitations = List.copyOf(limitations);
  }
}
