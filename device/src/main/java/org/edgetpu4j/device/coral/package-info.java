/**
 * The Coral USB Accelerator: {@link org.edgetpu4j.device.coral.EdgeTpu} opens, boots and
 * initializes it and runs compiled models through the CPU interpreter; failures are {@link
 * org.edgetpu4j.device.coral.EdgeTpuException} with a code.
 */
package org.edgetpu4j.device.coral;
