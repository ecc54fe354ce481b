/**
 * Quantization-aware training in TensorFlow Java: the rewrite entry points, gradient registration
 * and an optimizer that updates only trainable variables.
 */
package org.edgetpu4j.compiler.train;
