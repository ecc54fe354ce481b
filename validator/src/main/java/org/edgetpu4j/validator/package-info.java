/**
 * Checks a TFLite model against a TFLite runtime release and the Edge TPU before deployment. Not
 * implemented yet.
 */
package org.edgetpu4j.validator;
