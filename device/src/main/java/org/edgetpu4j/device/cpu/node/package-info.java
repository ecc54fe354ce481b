/**
 * What a kernel sees of the graph: {@link org.edgetpu4j.device.cpu.node.Kernel} (prepare validates
 * and precomputes, the returned {@link org.edgetpu4j.device.cpu.node.Step} only computes), the
 * {@link org.edgetpu4j.device.cpu.node.Node} being prepared, tensor {@link
 * org.edgetpu4j.device.cpu.node.Slot}s and the run-time {@link
 * org.edgetpu4j.device.cpu.node.Memory}. Builtin kernels and user-registered custom-operator
 * kernels implement the same interface.
 *
 * <p>Everything a kernel takes from the model is untrusted. {@link
 * org.edgetpu4j.device.cpu.node.Node} refuses with the operator's location: {@code setShape} checks
 * output sizes against the load's {@link org.edgetpu4j.device.cpu.node.Budget}, {@code scratch}
 * charges working memory before it is allocated, {@code work} charges run time, and {@code
 * intOption}, {@code requireAxis}, {@code constantInts} and {@code requireQuantized} check options,
 * axes, constant inputs and quantization. {@link org.edgetpu4j.device.cpu.node.Checked} does size
 * arithmetic that cannot overflow.
 */
package org.edgetpu4j.device.cpu.node;
