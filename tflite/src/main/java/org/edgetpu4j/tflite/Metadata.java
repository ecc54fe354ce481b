package org.edgetpu4j.tflite;

import java.util.Objects;

/**
 * A named metadata entry pointing at a buffer (for example {@code min_runtime_version}).
 *
 * @param name the entry's name
 * @param buffer index into {@link Model#buffers()}
 */
public record Metadata(String name, int buffer) {
  /** Checks that the name is not null. */
  public Metadata {
    Objects.requireNonNull(name, "name");
  }
}
