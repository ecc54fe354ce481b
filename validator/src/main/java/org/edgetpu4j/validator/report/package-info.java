/** Renderings of a report: console text in the Edge TPU compiler's log layout, JSON and HTML. */
package org.edgetpu4j.validator.report;
