/**
 * The driver proper: DFU firmware boot, chip initialization and shutdown, instruction linking, DMA
 * execution and output relayout, following libedgetpu.
 */
package org.edgetpu4j.device.coral.driver;
