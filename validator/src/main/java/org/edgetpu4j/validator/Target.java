package org.edgetpu4j.validator;

import java.util.Objects;
import java.util.Optional;
import org.edgetpu4j.validator.tables.CompilerVersion;
import org.edgetpu4j.validator.tables.RuntimeVersion;

/**
 * What the model must run on.
 *
 * @param runtime the TFLite runtime release on the device; empty means "the newest this library
 *     knows", so only operator versions newer than every known release are reported
 * @param edgetpuRuntime the Edge TPU runtime version (the compiler's {@code -m}): 10 to 14
 * @param compiler the Edge TPU compiler release that will compile the model
 */
public record Target(
    Optional<RuntimeVersion> runtime, int edgetpuRuntime, CompilerVersion compiler) {

  /** The newest Edge TPU runtime version. */
  public static final int LATEST_EDGETPU_RUNTIME = 14;

  /** Oldest Edge TPU runtime version the runtime accepts packages for. */
  public static final int MIN_EDGETPU_RUNTIME = 10;

  /** Any TFLite runtime, Edge TPU runtime 14, compiler 16. */
  public static final Target DEFAULT =
      new Target(Optional.empty(), LATEST_EDGETPU_RUNTIME, CompilerVersion.LATEST);

  /** Checks the Edge TPU runtime range. */
  public Target {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(compiler, "compiler");
    if (edgetpuRuntime < MIN_EDGETPU_RUNTIME || edgetpuRuntime > LATEST_EDGETPU_RUNTIME) {
      throw new IllegalArgumentException(
          "Edge TPU runtime version "
              + edgetpuRuntime
              + " is outside "
              + MIN_EDGETPU_RUNTIME
              + ".."
              + LATEST_EDGETPU_RUNTIME);
    }
  }

  /** This target with TFLite runtime {@code version}. */
  public Target withRuntime(RuntimeVersion version) {
    return new Target(Optional.of(version), edgetpuRuntime, compiler);
  }

  /** This target with Edge TPU runtime {@code version}. */
  public Target withEdgeTpuRuntime(int version) {
    return new Target(runtime, version, compiler);
  }

  /** This target with compiler release {@code version}. */
  public Target withCompiler(CompilerVersion version) {
    return new Target(runtime, edgetpuRuntime, version);
  }
}
