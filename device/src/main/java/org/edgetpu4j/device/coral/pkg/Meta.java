package org.edgetpu4j.device.coral.pkg;

/**
 * Linker metadata: which buffer a field or DMA refers to.
 *
 * @param desc the buffer kind
 * @param batch batch index for inputs, outputs and scratch
 * @param name layer name for inputs and outputs, empty otherwise
 * @param position 0 for the lower 32 bits of an address, 1 for the upper 32 bits
 */
public record Meta(Desc desc, int batch, String name, int position) {

  /** The kind of buffer a field or DMA refers to. */
  public enum Desc {
    /** An output activation buffer. */
    OUTPUT,
    /** An input activation buffer. */
    INPUT,
    /** The parameter buffer. */
    PARAMETER,
    /** The scratch buffer. */
    SCRATCH;

    static Desc of(int value, String where) {
      if (value < 0 || value >= values().length) {
        throw FlatTable.fail(where, "unknown Meta.desc " + value);
      }
      return values()[value];
    }

    /** Lower-case name as used in traces. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
