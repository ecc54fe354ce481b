package org.edgetpu4j.device.coral.driver;

import java.util.Map;

/** Beagle (Coral USB) register offsets and names used by the driver and trace decoder. */
public final class Csr {
  private Csr() {}

  static final long OMC0_00 = 0x1a000;
  static final long OMC0_D4 = 0x1a0d4;
  static final long OMC0_D8 = 0x1a0d8;
  static final long SCU_CTRL_0 = 0x1a30c;
  static final long SCU_CTRL_2 = 0x1a314;
  static final long SCU_CTRL_3 = 0x1a318;
  static final long SCU_CTR_7 = 0x1a33c;
  static final long SLV_ABM_EN = 0x1a500;
  static final long SLV_ERR_RESP_ISR_MASK = 0x1a558;
  static final long MST_ABM_EN = 0x1a600;
  static final long MST_ERR_RESP_ISR_MASK = 0x1a658;
  static final long RAMBIST_CTRL_1 = 0x1a704;
  static final long GCBB_CREDIT0 = 0x1907c;
  static final long SCALAR_CORE_RUN_CONTROL = 0x44018;
  static final long IDLE_REGISTER = 0x4a000;
  static final long TILECONFIG0 = 0x48788;
  static final long DEEP_SLEEP = 0x40020;
  static final long DESCR_EP = 0x4c148;
  static final long MULTI_BO_EP = 0x4c160;
  static final long OUTFEED_CHUNK_LENGTH = 0x4c058;
  static final long FATAL_ERR_INT_CONTROL = 0x4c060;
  static final long FATAL_ERR_INT_STATUS = 0x4c068;
  static final long HIB_ERROR_STATUS = 0x486f0;
  static final long HIB_FIRST_ERROR_STATUS = 0x48700;

  /** Top-level interrupt 0..3 control registers. */
  static final long[] TOP_LEVEL_INT_CONTROL = {0x4c070, 0x4c080, 0x4c090, 0x4c0a0};

  /** Run-control registers written before the tileconfig0 broadcast. */
  static final long[] RUN_CONTROL_A = {0x44018, 0x44158, 0x44198, 0x441d8, 0x44218};

  /** Run-control registers written after it. */
  static final long[] RUN_CONTROL_B = {
    0x400c0, 0x40150, 0x40110, 0x40250, 0x40298, 0x402e0, 0x40328, 0x40190, 0x401d0, 0x40210
  };

  private static final Map<Long, String> NAMES =
      Map.ofEntries(
          Map.entry(OMC0_00, "omc0_00"),
          Map.entry(OMC0_D4, "omc0_d4"),
          Map.entry(OMC0_D8, "omc0_d8"),
          Map.entry(SCU_CTRL_0, "scu_ctrl_0"),
          Map.entry(SCU_CTRL_2, "scu_ctrl_2"),
          Map.entry(SCU_CTRL_3, "scu_ctrl_3"),
          Map.entry(SCU_CTR_7, "scu_ctr_7"),
          Map.entry(SLV_ABM_EN, "slv_abm_en"),
          Map.entry(SLV_ERR_RESP_ISR_MASK, "slv_err_resp_isr_mask"),
          Map.entry(MST_ABM_EN, "mst_abm_en"),
          Map.entry(MST_ERR_RESP_ISR_MASK, "mst_err_resp_isr_mask"),
          Map.entry(RAMBIST_CTRL_1, "rambist_ctrl_1"),
          Map.entry(GCBB_CREDIT0, "gcbb_credit0"),
          Map.entry(IDLE_REGISTER, "idleRegister"),
          Map.entry(TILECONFIG0, "tileconfig0"),
          Map.entry(DEEP_SLEEP, "deepSleep"),
          Map.entry(DESCR_EP, "descr_ep"),
          Map.entry(MULTI_BO_EP, "multi_bo_ep"),
          Map.entry(OUTFEED_CHUNK_LENGTH, "outfeed_chunk_length"),
          Map.entry(FATAL_ERR_INT_CONTROL, "fatal_err_int_control"),
          Map.entry(FATAL_ERR_INT_STATUS, "fatal_err_int_status"),
          Map.entry(HIB_ERROR_STATUS, "hib_error_status"),
          Map.entry(HIB_FIRST_ERROR_STATUS, "hib_first_error_status"),
          Map.entry(0x4c070L, "top_level_int_0_control"),
          Map.entry(0x4c080L, "top_level_int_1_control"),
          Map.entry(0x4c090L, "top_level_int_2_control"),
          Map.entry(0x4c0a0L, "top_level_int_3_control"),
          Map.entry(0x44018L, "scalarCoreRunControl"),
          Map.entry(0x44158L, "avDataPopRunControl"),
          Map.entry(0x44198L, "parameterPopRunControl"),
          Map.entry(0x441d8L, "infeedRunControl"),
          Map.entry(0x44218L, "outfeedRunControl"),
          Map.entry(0x400c0L, "opRunControl"),
          Map.entry(0x40150L, "narrowToWideRunControl"),
          Map.entry(0x40110L, "wideToNarrowRunControl"),
          Map.entry(0x40250L, "meshBus0RunControl"),
          Map.entry(0x40298L, "meshBus1RunControl"),
          Map.entry(0x402e0L, "meshBus2RunControl"),
          Map.entry(0x40328L, "meshBus3RunControl"),
          Map.entry(0x40190L, "ringBusConsumer0RunControl"),
          Map.entry(0x401d0L, "ringBusConsumer1RunControl"),
          Map.entry(0x40210L, "ringBusProducerRunControl"));

  /** The register's name, or its hex offset. */
  public static String name(long addr) {
    return NAMES.getOrDefault(addr, String.format("csr_0x%x", addr));
  }
}
