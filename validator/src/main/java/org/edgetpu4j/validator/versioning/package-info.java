/** Recomputes the operator version the TFLite converter assigns, with the deciding property. */
package org.edgetpu4j.validator.versioning;
