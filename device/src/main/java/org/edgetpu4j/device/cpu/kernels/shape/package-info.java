/**
 * Kernels that move elements without arithmetic (transpose, slice, split, reverse, pad, depth and
 * batch rearrangements, broadcast, fill): they copy raw elements of any type.
 */
package org.edgetpu4j.device.cpu.kernels.shape;
