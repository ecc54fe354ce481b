package org.edgetpu4j.validator.versioning;

/**
 * The operator version a converter assigns to an operator, and why.
 *
 * @param version the version (1 and up)
 * @param reason the deciding property, for example "input, weights and output are INT8"
 */
public record RequiredVersion(int version, String reason) {}
