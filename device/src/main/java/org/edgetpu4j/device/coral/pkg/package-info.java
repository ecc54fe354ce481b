/**
 * Reads the Edge TPU package of an {@code edgetpu-custom-op}: FlexBuffers custom options, the DWN1
 * package and its executables (bitstreams, field offsets, parameters, DMA hints, layers).
 */
package org.edgetpu4j.device.coral.pkg;
