package org.edgetpu4j.device.cpu.node;

/** A prepared operator: arithmetic only, reading and writing tensors in {@link Memory}. */
@FunctionalInterface
public interface Step {
  /** Computes the operator's outputs from its inputs. */
  void run(Memory m);
}
