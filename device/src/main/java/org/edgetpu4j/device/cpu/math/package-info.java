/**
 * Arithmetic shared by kernels: TFLite's fixed-point requantization, int8 dot products (scalar and
 * Vector API paths with identical results), direct convolution, broadcasting index maps and the
 * elementwise skeleton.
 */
package org.edgetpu4j.device.cpu.math;
