package org.edgetpu4j.compiler.emit;

import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.validator.Report;

/**
 * An emitted model with the validator's report on it.
 *
 * @param model the fully integer model, with {@code min_runtime_version} metadata
 * @param report the validator's report for the target
 */
public record Compiled(Model model, Report report) {}
