package org.edgetpu4j.device.coral.pkg;

import java.util.List;
import java.util.Optional;

/**
 * A decoded DWN1 package: the payload of one {@code edgetpu-custom-op}.
 *
 * @param minRuntimeVersion oldest runtime that accepts the package
 * @param compilerVersion compiler version string
 * @param virtualChipId 0 for single-chip packages, -1 for multi-chip packages
 * @param executables the executables, in package order
 * @param byteLength length of the serialized package
 */
public record EdgeTpuPackage(
    int minRuntimeVersion,
    String compilerVersion,
    int virtualChipId,
    List<Executable> executables,
    int byteLength) {

  /** Newest package format the driver understands (libedgetpu's runtime version). */
  public static final int MAX_RUNTIME_VERSION = 14;

  /** Copies the list. */
  public EdgeTpuPackage {
    executables = List.copyOf(executables);
  }

  /** The executable run for each inference: execution-only if present, else stand-alone. */
  public Executable main() {
    return find(Executable.Type.EXECUTION_ONLY)
        .or(() -> find(Executable.Type.STAND_ALONE))
        .orElseThrow(
            () ->
                new PackageFormatException(
                    "package has no stand-alone or execution-only executable"));
  }

  /** The parameter-caching executable with the main executable's token, if any. */
  public Optional<Executable> parameterCaching() {
    Executable main = main();
    if (main.type() != Executable.Type.EXECUTION_ONLY) {
      return Optional.empty();
    }
    return executables.stream()
        .filter(e -> e.type() == Executable.Type.PARAMETER_CACHING && e.token() == main.token())
        .findFirst();
  }

  private Optional<Executable> find(Executable.Type type) {
    return executables.stream().filter(e -> e.type() == type).findFirst();
  }
}
