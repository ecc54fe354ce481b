/**
 * Same-process latency comparison of the CPU interpreter with other runtimes (TFLite when its
 * {@link org.edgetpu4j.device.cpu.bench.Baseline} is on the classpath).
 */
package org.edgetpu4j.device.cpu.bench;
