/**
 * Rewrites TensorFlow graphs for quantization-aware training and evaluation, folds batch norm,
 * freezes variables and emits fully integer TFLite models. Not implemented yet.
 */
package org.edgetpu4j.compiler;
