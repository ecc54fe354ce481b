package org.edgetpu4j.cli;

/**
 * The commands that build TensorFlow graphs ({@code compile}, {@code demo}) check first that
 * TensorFlow Java and its native library for this platform are there; the other commands never load
 * it, so they run where TensorFlow does not (its jars removed, or a platform it has no build for).
 */
final class TensorFlowRuntime {
  private TensorFlowRuntime() {}

  /** Loads TensorFlow, or fails with one line saying what {@code command} needs. */
  static void require(String command) {
    try {
      Class.forName("org.tensorflow.TensorFlow").getMethod("version").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException i && i.getCause() != null
              ? i.getCause()
              : e;
      throw new CliException(
          CliException.REFUSED,
          command
              + " needs TensorFlow Java (org.tensorflow:tensorflow-core-api with the"
              + " tensorflow-core-native library for "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + "), which could not be loaded: "
              + cause
              + "; inspect, check, run and bench work without it",
          e);
    }
  }
}
