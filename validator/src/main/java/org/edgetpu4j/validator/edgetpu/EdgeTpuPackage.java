package org.edgetpu4j.validator.edgetpu;

import com.google.flatbuffers.ArrayReadWriteBuf;
import com.google.flatbuffers.FlexBuffers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.tflite.ByteArray;

/**
 * The header of an Edge TPU package, the payload of an {@code edgetpu-custom-op} operator that the
 * Edge TPU compiler writes into a compiled model.
 *
 * <p>The operator's custom options are a FlexBuffers map; key {@code "4"} holds the serialized
 * package, a FlatBuffer with file identifier {@code DWN1} whose root table has the minimum Edge TPU
 * runtime version (field 0), a serialized multi-executable (field 1) and the compiler version
 * (field 4). The multi-executable lists executables; each has a type (field 13: stand-alone,
 * parameter-caching or execution-only), the target chip (field 10) and its parameter bytes (field
 * 6). Parameter-caching executables hold the parameters the chip keeps in its on-chip memory.
 *
 * @param identifier the package's file identifier, {@code DWN1} for valid packages
 * @param minRuntimeVersion the oldest Edge TPU runtime that accepts the package
 * @param compilerVersion the compiler version string recorded in the package, empty if absent
 * @param executables the executables in the package
 */
public record EdgeTpuPackage(
    String identifier,
    int minRuntimeVersion,
    String compilerVersion,
    List<Executable> executables) {

  /** Name of the custom operator that carries a package. */
  public static final String CUSTOM_OP = "edgetpu-custom-op";

  /** The package file identifier. */
  public static final String IDENTIFIER = "DWN1";

  /**
   * One executable of a package.
   *
   * @param type STAND_ALONE, PARAMETER_CACHING or EXECUTION_ONLY
   * @param chip the chip name it was compiled for
   * @param parameterBytes size of its parameter stream
   */
  public record Executable(String type, String chip, long parameterBytes) {}

  /** Copies the list. */
  public EdgeTpuPackage {
    executables = List.copyOf(executables);
  }

  /** Bytes of parameters cached on the chip (parameter-caching executables), 0 if none. */
  public long cachedParameterBytes() {
    return executables.stream()
        .filter(e -> e.type().equals("PARAMETER_CACHING"))
        .mapToLong(Executable::parameterBytes)
        .sum();
  }

  /** Bytes of parameters streamed with each inference (other executables). */
  public long streamedParameterBytes() {
    return executables.stream()
        .filter(e -> !e.type().equals("PARAMETER_CACHING"))
        .mapToLong(Executable::parameterBytes)
        .sum();
  }

  /**
   * Decodes the package in the custom options of an {@code edgetpu-custom-op}.
   *
   * @throws IllegalArgumentException when the options are not a package, naming what is wrong
   */
  public static EdgeTpuPackage decode(ByteArray customOptions) {
    if (customOptions.isEmpty()) {
      throw new IllegalArgumentException("edgetpu-custom-op has no custom options (no package)");
    }
    byte[] pkg;
    try {
      byte[] bytes = customOptions.toArray();
      // The root is found from the end of the buffer, so the limit must be the full length.
      FlexBuffers.Map map = FlexBuffers.getRoot(new ArrayReadWriteBuf(bytes, bytes.length)).asMap();
      FlexBuffers.Reference exe = map.get("4");
      if (exe.isNull() || !(exe.isString() || exe.isBlob())) {
        throw new IllegalArgumentException("custom options lack the package (key \"4\")");
      }
      FlexBuffers.Blob blob = exe.asBlob();
      // the length is read from the options: bound it by them before copying that many bytes
      if (blob.size() < 0 || blob.size() > bytes.length) {
        throw new IllegalArgumentException(
            "the package claims "
                + blob.size()
                + " bytes, more than the "
                + bytes.length
                + " bytes of custom options");
      }
      pkg = blob.getBytes();
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(
          "custom options are not a FlexBuffers map (" + e.getMessage() + ")", e);
    }
    String id = FlatTable.identifier(pkg);
    if (!IDENTIFIER.equals(id)) {
      throw new IllegalArgumentException(
          "package identifier is '" + id + "', expected '" + IDENTIFIER + "'");
    }
    FlatTable root = FlatTable.root(pkg);
    int minRuntime = root.getInt(0, 0);
    String compiler = root.getString(4).orElse("");
    List<Executable> executables = new ArrayList<>();
    Optional<byte[]> multi = root.getBytes(1);
    if (multi.isPresent()) {
      for (byte[] e : FlatTable.root(multi.get()).getByteStrings(0)) {
        FlatTable exe = FlatTable.root(e);
        String type =
            switch (exe.getShort(13, 0)) {
              case 1 -> "PARAMETER_CACHING";
              case 2 -> "EXECUTION_ONLY";
              default -> "STAND_ALONE";
            };
        long params = exe.getBytes(6).map(b -> (long) b.length).orElse(0L);
        executables.add(new Executable(type, exe.getString(10).orElse(""), params));
      }
    }
    return new EdgeTpuPackage(id, minRuntime, compiler, executables);
  }
}
