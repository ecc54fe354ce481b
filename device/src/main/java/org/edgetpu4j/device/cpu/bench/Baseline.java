package org.edgetpu4j.device.cpu.bench;

import java.util.List;

/**
 * Another runtime to time against the CPU interpreter, found with {@link java.util.ServiceLoader}.
 * The TFLite implementation lives outside the runtime jar (it needs the native TFLite library), so
 * a plain installation times only the edgetpu4j interpreter.
 */
public interface Baseline {
  /** The runtime variants this baseline offers, for example with and without XNNPACK. */
  List<String> variants();

  /**
   * Prepares {@code variant} for {@code model} (TFLite flatbuffer bytes) with one thread.
   *
   * @return a runner that executes one inference on {@code inputs} and returns the raw outputs
   */
  Runner open(String variant, byte[] model, List<byte[]> inputs) throws Exception;

  /** One prepared model of a baseline runtime. */
  interface Runner extends AutoCloseable {
    /** Runs one inference and returns the outputs. */
    List<byte[]> run();

    @Override
    void close();
  }
}
