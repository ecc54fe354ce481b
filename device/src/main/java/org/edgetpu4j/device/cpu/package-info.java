/**
 * CPU reference interpreter for TFLite models, bit-exact with TFLite's reference kernels: {@link
 * org.edgetpu4j.device.cpu.Interpreter} is the entry point; {@link
 * org.edgetpu4j.device.cpu.QuantMath} holds the fixed-point arithmetic every integer kernel uses.
 */
package org.edgetpu4j.device.cpu;
