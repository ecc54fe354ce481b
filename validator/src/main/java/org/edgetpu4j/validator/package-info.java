/**
 * Checks a TFLite model before deployment: does it load on a given TFLite runtime, does it map onto
 * the Edge TPU, is it quantized right. {@link org.edgetpu4j.validator.Validator} is the front door;
 * it returns a {@link org.edgetpu4j.validator.Report}, which {@code report} renders as text, JSON
 * or HTML.
 */
package org.edgetpu4j.validator;
