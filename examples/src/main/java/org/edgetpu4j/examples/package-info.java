/**
 * End-to-end examples: MNIST float training versus quantization-aware training. Not implemented
 * yet.
 */
package org.edgetpu4j.examples;
