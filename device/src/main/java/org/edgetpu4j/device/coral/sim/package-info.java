/**
 * A simulated Coral USB Accelerator with a virtual clock and fault injection, for running without
 * hardware.
 */
package org.edgetpu4j.device.coral.sim;
