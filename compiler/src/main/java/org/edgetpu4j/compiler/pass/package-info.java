/**
 * Graph-to-graph passes (batch-norm folding, fake-quant insertion for training, eval and
 * calibration, freezing, constant folding, checks) and the {@link
 * org.edgetpu4j.compiler.pass.PassManager} that runs them.
 */
package org.edgetpu4j.compiler.pass;
