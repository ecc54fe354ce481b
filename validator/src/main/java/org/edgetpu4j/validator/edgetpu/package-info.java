/** Edge TPU specifics: per-operator limitations and the compiled package header. */
package org.edgetpu4j.validator.edgetpu;
