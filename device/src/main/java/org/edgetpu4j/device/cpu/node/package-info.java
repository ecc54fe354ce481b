/**
 * What a kernel sees of the graph: {@link org.edgetpu4j.device.cpu.node.Kernel} (prepare validates
 * and precomputes, the returned {@link org.edgetpu4j.device.cpu.node.Step} only computes), the
 * {@link org.edgetpu4j.device.cpu.node.Node} being prepared, tensor {@link
 * org.edgetpu4j.device.cpu.node.Slot}s and the run-time {@link
 * org.edgetpu4j.device.cpu.node.Memory}. Builtin kernels and user-registered custom-operator
 * kernels implement the same interface.
 */
package org.edgetpu4j.device.cpu.node;
