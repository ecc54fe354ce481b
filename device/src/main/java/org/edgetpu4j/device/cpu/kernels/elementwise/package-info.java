/**
 * Elementwise kernels on float32, int32, int64 and bool tensors: arithmetic with broadcasting,
 * comparisons, logic, selection and unary math.
 */
package org.edgetpu4j.device.cpu.kernels.elementwise;
