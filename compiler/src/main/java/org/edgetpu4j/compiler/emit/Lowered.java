package org.edgetpu4j.compiler.emit;

/**
 * A TF tensor's place in the model being built.
 *
 * @param tensor index of the TFLite tensor
 * @param quant its quantization
 */
record Lowered(int tensor, Quant quant) {}
