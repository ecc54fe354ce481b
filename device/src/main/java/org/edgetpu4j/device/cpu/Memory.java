package org.edgetpu4j.device.cpu;

/**
 * Where every tensor's bytes are during a run: activations in one shared arena, constants in their
 * own arrays. Tensor {@code t} starts at {@code data[t][offset[t]]}, little-endian.
 */
final class Memory {
  final byte[][] data;
  final int[] offset;

  Memory(int tensorCount) {
    this.data = new byte[tensorCount][];
    this.offset = new int[tensorCount];
  }
}
