package org.edgetpu4j.device.coral.pkg;

import java.util.List;

/**
 * One executable of a DWN1 package.
 *
 * @param type how it is run
 * @param token parameter-caching token shared by a caching and an execution-only executable
 * @param batchSize inputs processed together
 * @param scratchBytes scratch buffer size per batch
 * @param bitstreams instruction chunks
 * @param parameters the parameter stream
 * @param hints the DMA schedule
 * @param fullyDeterministic whether the hints cover every DMA
 * @param inputs input layers, by index of the custom op's inputs
 * @param outputs output layers, by index of the custom op's outputs
 * @param chip the chip name it was compiled for
 */
public record Executable(
    Type type,
    long token,
    int batchSize,
    int scratchBytes,
    List<Bitstream> bitstreams,
    byte[] parameters,
    List<DmaHint> hints,
    boolean fullyDeterministic,
    List<Layer> inputs,
    List<Layer> outputs,
    String chip) {

  /** Copies the lists. */
  public Executable {
    bitstreams = List.copyOf(bitstreams);
    hints = List.copyOf(hints);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Executable kinds. */
  public enum Type {
    /** Carries everything an inference needs. */
    STAND_ALONE,
    /** Only loads parameters into the chip's memory. */
    PARAMETER_CACHING,
    /** Runs with parameters cached by the matching caching executable. */
    EXECUTION_ONLY
  }

  /** Hexadecimal token as printed in traces. */
  public String tokenHex() {
    return "0x" + Long.toHexString(token);
  }
}
