package org.edgetpu4j.device.cpu.node;

/**
 * Where every tensor's bytes are during a run: activations in one shared arena, constants in their
 * own arrays. Tensor {@code t} starts at {@code data[t][offset[t]]}, little-endian.
 */
public final class Memory {
  public final byte[][] data;
  public final int[] offset;

  public Memory(int tensorCount) {
    this.data = new byte[tensorCount][];
    this.offset = new int[tensorCount];
  }
}
