/**
 * CPU reference interpreter for TFLite models, bit-exact with TFLite's reference kernels. {@link
 * org.edgetpu4j.device.cpu.Interpreter} is the entry point and {@link
 * org.edgetpu4j.device.cpu.InterpreterOptions} registers custom-operator kernels. Sub-packages by
 * role: {@code node} (what a kernel sees: Kernel, Node, Slot, Step, Memory), {@code kernels} (one
 * class per operator and the operator table), {@code math} (fixed-point and vector arithmetic).
 */
package org.edgetpu4j.device.cpu;
