package org.edgetpu4j.compiler.importer;

import java.util.Arrays;

/**
 * A graph input: a Placeholder name and optionally its shape.
 *
 * @param name placeholder node name (a {@code :0} suffix is accepted and dropped)
 * @param shape the static shape, or null to use the placeholder's own shape with the batch fixed
 */
public record InputSpec(String name, long[] shape) {
  /** Normalises the name and copies the shape. */
  public InputSpec {
    name = name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    shape = shape == null ? null : shape.clone();
  }

  /** Parses {@code NAME} or {@code NAME:D1,D2,...} (the CLI form, e.g. {@code input:1,28,28,1}). */
  public static InputSpec parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0
        || spec.substring(colon + 1).matches("\\d+") && !spec.substring(colon + 1).contains(",")) {
      return new InputSpec(spec, null);
    }
    String[] dims = spec.substring(colon + 1).split(",");
    long[] shape = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      try {
        shape[i] = Long.parseLong(dims[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "input shape '"
                + spec.substring(colon + 1)
                + "' is not a comma-separated list of sizes");
      }
    }
    return new InputSpec(spec.substring(0, colon), shape);
  }

  @Override
  public long[] shape() {
    return shape == null ? null : shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSpec s && name.equals(s.name) && Arrays.equals(shape, s.shape);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return shape == null ? name : name + Arrays.toString(shape);
  }
}
