/**
 * Runs TFLite models: a CPU reference interpreter bit-exact with TFLite, and the Coral USB
 * accelerator. Not implemented yet.
 */
package org.edgetpu4j.device;
