package org.edgetpu4j.device.coral.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulated chip's registers: reads return the last written value, else the initial value, else
 * 0. One side effect: writing {@code scu_ctrl_3} sets {@code cur_pwr_state} [9:8] to 2 when {@code
 * rg_force_sleep} [23:22] is 3, else to 0.
 */
final class CsrFile {
  static final long SCU_CTRL_3 = 0x1a318;

  private static final Map<Long, Long> INITIAL =
      Map.of(
          0x1a30cL,
          0x000F0959L,
          0x1a314L,
          0x00190000L,
          SCU_CTRL_3,
          0x00C5025CL,
          0x1a0d4L,
          0x1L,
          0x1a704L,
          0x7FL,
          0x1a33cL,
          0x3FL);

  private final Map<Long, Long> values = new HashMap<>();

  long read(long addr) {
    return values.getOrDefault(addr, INITIAL.getOrDefault(addr, 0L));
  }

  void write(long addr, long value) {
    if (addr == SCU_CTRL_3) {
      long forceSleep = (value >>> 22) & 3;
      value = (value & ~(3L << 8)) | ((forceSleep == 3 ? 2L : 0L) << 8);
    }
    values.put(addr, value);
  }

  void reset() {
    values.clear();
  }
}
