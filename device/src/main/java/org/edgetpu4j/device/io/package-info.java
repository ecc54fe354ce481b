/**
 * Application-level input and output for models: images decoded, resized and converted to an input
 * tensor's type and quantization, label files, and top-k classification of an output.
 */
package org.edgetpu4j.device.io;
