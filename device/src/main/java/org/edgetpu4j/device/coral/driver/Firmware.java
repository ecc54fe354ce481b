package org.edgetpu4j.device.coral.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Edge TPU application firmware ({@code apex_latest_single_ep.bin}): an explicit file,
 * else {@code EDGETPU4J_FIRMWARE}, else well-known locations; checks its SHA-256.
 *
 * @param path where it was read from
 * @param bytes the image
 * @param knownImage whether its SHA-256 equals the image libedgetpu ships
 */
public record Firmware(Path path, byte[] bytes, boolean knownImage) {
  private static final Logger LOG = LoggerFactory.getLogger(Firmware.class);

  /** File name of the single-endpoint application firmware. */
  public static final String FILE_NAME = "apex_latest_single_ep.bin";

  /** SHA-256 of the image shipped with libedgetpu. */
  public static final String KNOWN_SHA256 =
      "3b07311b174b81fd14fd2c887f40d646c0ebf2f140cc5ee5cf8befa0f3e3dc7f";

  /** Environment variable naming the firmware file. */
  public static final String ENV = "EDGETPU4J_FIRMWARE";

  /** Largest plausible image (the 8051 code space is 64 KiB). */
  static final long MAX_BYTES = 64 * 1024;

  /** The locations searched when neither a file nor the environment variable is given. */
  public static List<Path> wellKnownLocations() {
    List<Path> out = new ArrayList<>();
    String home = System.getProperty("user.home", "");
    if (!home.isEmpty()) {
      out.add(Path.of(home, ".edgetpu4j", FILE_NAME));
    }
    out.add(Path.of("/usr/share/edgetpu4j", FILE_NAME));
    out.add(Path.of("/usr/local/share/edgetpu4j", FILE_NAME));
    out.add(Path.of("/usr/lib/edgetpu", FILE_NAME));
    return out;
  }

  /** Resolves the firmware: {@code explicit}, else the environment variable, else the locations. */
  public static Firmware locate(Optional<Path> explicit) throws EdgeTpuException {
    if (explicit.isPresent()) {
      return load(explicit.get());
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return load(Path.of(env));
    }
    for (Path p : wellKnownLocations()) {
      if (Files.isRegularFile(p)) {
        return load(p);
      }
    }
    throw new EdgeTpuException(
        EdgeTpuException.Code.FIRMWARE_NOT_FOUND,
        "no Edge TPU firmware: pass --firmware FILE, set "
            + ENV
            + ", or put "
            + FILE_NAME
            + " in "
            + wellKnownLocations().get(0).getParent()
            + " (get it from https://github.com/google-coral/libedgetpu/blob/master/driver/usb/"
            + FILE_NAME
            + ")");
  }

  /** Reads and checks one file. */
  public static Firmware load(Path p) throws EdgeTpuException {
    try {
      if (!Files.isRegularFile(p)) {
        throw new EdgeTpuException(
            EdgeTpuException.Code.FIRMWARE_NOT_FOUND, "firmware file " + p + " does not exist");
      }
      long size = Files.size(p);
      if (size == 0 || size > MAX_BYTES) {
        throw new EdgeTpuException(
            EdgeTpuException.Code.FIRMWARE_NOT_FOUND,
            "firmware file " + p + " has " + size + " bytes, expected 1.." + MAX_BYTES);
      }
      byte[] b = Files.readAllBytes(p);
      String sha = sha256(b);
      boolean known = KNOWN_SHA256.equals(sha);
      if (!known) {
        LOG.warn(
            "firmware {} has SHA-256 {}, not the known image {}; using it anyway",
            p,
            sha,
            KNOWN_SHA256);
      }
      return new Firmware(p, b, known);
    } catch (IOException e) {
      throw new EdgeTpuException(
          EdgeTpuException.Code.FIRMWARE_NOT_FOUND,
          "cannot read firmware " + p + ": " + e.getMessage(),
          e);
    }
  }

  /** Hex SHA-256. */
  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
