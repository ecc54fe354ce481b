/**
 * One class per builtin operator (or per family of sibling operators), and {@link
 * org.edgetpu4j.device.cpu.kernels.Kernels}, the table of which operators and versions run.
 */
package org.edgetpu4j.device.cpu.kernels;
