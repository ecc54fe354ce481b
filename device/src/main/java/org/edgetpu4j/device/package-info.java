/**
 * Runs TFLite models: a CPU reference interpreter bit-exact with TFLite ({@code cpu}), and the
 * Coral USB Accelerator driver with its simulated device ({@code coral}).
 */
package org.edgetpu4j.device;
