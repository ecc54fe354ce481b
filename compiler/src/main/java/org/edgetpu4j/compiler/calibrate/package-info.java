/**
 * Post-training quantization: activation ranges measured by running the float graph over
 * representative inputs.
 */
package org.edgetpu4j.compiler.calibrate;
