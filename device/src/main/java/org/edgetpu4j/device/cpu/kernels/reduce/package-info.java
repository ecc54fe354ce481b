/** Reductions over axes: SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, REDUCE_ANY, REDUCE_ALL. */
package org.edgetpu4j.device.cpu.kernels.reduce;
