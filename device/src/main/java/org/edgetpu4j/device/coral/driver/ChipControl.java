package org.edgetpu4j.device.coral.driver;

import org.edgetpu4j.device.coral.EdgeTpuException;

/**
 * libedgetpu's chip bring-up and shutdown sequences for the Beagle chip over USB: open, reset
 * handling, run control, interrupt enables, and their reverse on close.
 */
final class ChipControl {
  private static final long RUN = 1;
  private static final long HALT = 2;

  private ChipControl() {}

  /** Open, quit reset, initialize, run, enable interrupts. */
  static void init(UsbIo io, boolean usb2) throws EdgeTpuException {
    long c0 = io.read32(Csr.SCU_CTRL_0);
    io.write32(Csr.SCU_CTRL_0, c0 & ~(0x3FL << 8));
    long c2 = io.read32(Csr.SCU_CTRL_2);
    boolean gated = ((c2 >>> 18) & 3) == 1;
    if (gated) {
      io.write32(Csr.SCU_CTRL_2, (c2 & ~(3L << 18)) | (2L << 18));
    }
    enableReset(io);
    long c3 = io.read32(Csr.SCU_CTRL_3);
    // rg_force_sleep = 2; Max performance: gcb clkdiv 0, AXI 250 MHz, 8051 500 MHz ([31:28] = 0).
    io.write32(Csr.SCU_CTRL_3, ((c3 & ~(3L << 22)) | (2L << 22)) & ~(0xFL << 28));
    io.poll(Csr.SCU_CTRL_3, 4, 3L << 8, 0);
    io.poll(Csr.SCALAR_CORE_RUN_CONTROL, 8, ~0L, 0);
    io.write64(Csr.IDLE_REGISTER, 1);
    io.write64(Csr.TILECONFIG0, 0x7F);
    io.poll(Csr.TILECONFIG0, 8, ~0L, 0x7F);
    io.write64(Csr.DEEP_SLEEP, 0x1E02);
    if (!gated) {
      long c2b = io.read32(Csr.SCU_CTRL_2);
      io.write32(Csr.SCU_CTRL_2, (c2b & ~(3L << 18)) | (1L << 18));
    }
    io.read32(Csr.OMC0_00);
    io.write64(Csr.DESCR_EP, 0xF0);
    io.write64(Csr.MULTI_BO_EP, 0);
    io.write64(Csr.OUTFEED_CHUNK_LENGTH, usb2 ? 0x20 : 0x80);
    runControl(io, RUN);
    io.write64(Csr.FATAL_ERR_INT_CONTROL, 1);
    for (long a : Csr.TOP_LEVEL_INT_CONTROL) {
      io.write64(a, 1);
    }
    io.write32(Csr.OMC0_D4, io.read32(Csr.OMC0_D4) | (1L << 31));
    // rambist_ctrl_1: interrupt status [18:16] is write-1-to-clear (write 0), mask [22:20] = 0.
    io.write32(Csr.RAMBIST_CTRL_1, io.read32(Csr.RAMBIST_CTRL_1) & ~(7L << 16) & ~(7L << 20));
    // scu_ctr_7: pll_lock_failure [16] and usb_sel_failure [17] are W1C; boot-failure mask [19:18].
    io.write32(Csr.SCU_CTR_7, io.read32(Csr.SCU_CTR_7) & ~(0xFL << 16));
    io.write32(Csr.SLV_ABM_EN, 1);
    io.write32(Csr.MST_ABM_EN, 1);
    io.write32(Csr.SLV_ERR_RESP_ISR_MASK, 3);
    io.write32(Csr.MST_ERR_RESP_ISR_MASK, 3);
    io.write32(Csr.OMC0_D8, io.read32(Csr.OMC0_D8) | (1L << 31));
  }

  /** Disable interrupts, halt, full reset. */
  static void close(UsbIo io) throws EdgeTpuException {
    for (long a : Csr.TOP_LEVEL_INT_CONTROL) {
      io.write64(a, 0);
    }
    io.write32(Csr.OMC0_D4, io.read32(Csr.OMC0_D4) & ~(1L << 31));
    io.write32(Csr.RAMBIST_CTRL_1, (io.read32(Csr.RAMBIST_CTRL_1) & ~(7L << 20)) | (7L << 20));
    io.write32(Csr.SCU_CTR_7, (io.read32(Csr.SCU_CTR_7) & ~(3L << 18)) | (3L << 18));
    io.write32(Csr.SLV_ABM_EN, 0);
    io.write32(Csr.MST_ABM_EN, 0);
    io.write32(Csr.SLV_ERR_RESP_ISR_MASK, 0);
    io.write32(Csr.MST_ERR_RESP_ISR_MASK, 0);
    io.write32(Csr.OMC0_D8, io.read32(Csr.OMC0_D8) & ~(1L << 31));
    io.write64(Csr.FATAL_ERR_INT_CONTROL, 0);
    runControl(io, HALT);
    enableReset(io);
  }

  private static void runControl(UsbIo io, long value) throws EdgeTpuException {
    for (long a : Csr.RUN_CONTROL_A) {
      io.write64(a, value);
    }
    io.write64(Csr.TILECONFIG0, 0x7F);
    io.poll(Csr.TILECONFIG0, 8, ~0L, 0x7F);
    for (long a : Csr.RUN_CONTROL_B) {
      io.write64(a, value);
    }
  }

  /** Force sleep unless already forced, wait for the sleep power state, pulse the GCB credits. */
  private static void enableReset(UsbIo io) throws EdgeTpuException {
    long c3 = io.read32(Csr.SCU_CTRL_3);
    if (((c3 >>> 22) & 3) == 3) {
      return;
    }
    io.write32(Csr.SCU_CTRL_3, c3 | (3L << 22));
    io.poll(Csr.SCU_CTRL_3, 4, 3L << 8, 2L << 8);
    io.write32(Csr.GCBB_CREDIT0, 0xF);
    io.write32(Csr.GCBB_CREDIT0, 0);
  }
}
