/**
 * Version and support facts as data: minimum TFLite runtime per operator version, operator versions
 * per runtime release, the Edge TPU supported-operations table, compiler releases and their
 * parser's operator-version ceilings. Each table is a CSV resource of this package.
 */
package org.edgetpu4j.validator.tables;
