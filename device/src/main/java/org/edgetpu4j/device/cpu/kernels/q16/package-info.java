/**
 * Kernels for the 16x8 quantization mode (int16 activations with zero point 0, int8 weights), with
 * TFLite's int16 arithmetic.
 */
package org.edgetpu4j.device.cpu.kernels.q16;
