package org.edgetpu4j.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgetpu4j.device.cpu.bench.Contender;

/**
 * Native TFLite timed in a Python subprocess ({@code tensorflow} or {@code ai-edge-litert}) by the
 * driver script shipped with the command line: the same model and input bytes, the given thread
 * count, two variants (the default XNNPACK delegate, and the builtin kernels without delegate).
 * Each inference is timed inside Python, so that the pipe adds nothing to the figures.
 */
final class NativeTflite implements AutoCloseable {
  private static final String DRIVER = "tflite_bench_driver.py";

  private final Path dir;
  private final Process process;
  private final BufferedReader out;
  private final BufferedWriter in;
  private final String runtime;
  private final List<String> variants;

  private NativeTflite(Path dir, Process process) throws IOException {
    this.dir = dir;
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.runtime = expect("runtime");
    this.variants = List.of(expect("variants").split(" "));
  }

  /**
   * Starts the driver with {@code python} on {@code model} and {@code inputs}.
   *
   * @throws IOException when the python cannot be started or the driver reports an error (the
   *     message is the driver's one line)
   */
  static NativeTflite start(String python, byte[] model, List<byte[]> inputs, int threads)
      throws IOException {
    Path dir = Files.createTempDirectory("edgetpu4j-bench");
    try {
      Path driver = dir.resolve(DRIVER);
      try (InputStream s = NativeTflite.class.getResourceAsStream(DRIVER)) {
        Files.copy(s, driver);
      }
      List<String> cmd = new ArrayList<>(List.of(python, "-W", "ignore", driver.toString()));
      cmd.add(Files.write(dir.resolve("model.tflite"), model).toString());
      cmd.add(Integer.toString(threads));
      for (int i = 0; i < inputs.size(); i++) {
        cmd.add(Files.write(dir.resolve("input_" + i + ".bin"), inputs.get(i)).toString());
      }
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
      pb.environment().put("PYTHONWARNINGS", "ignore");
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new IOException("cannot start " + python);
      }
      try {
        return new NativeTflite(dir, p);
      } catch (IOException e) {
        p.destroyForcibly();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      deleteAll(dir);
      throw e;
    }
  }

  /** The runtime's name and version, for example {@code tensorflow 2.21.0}. */
  String runtime() {
    return runtime;
  }

  /** One contender per variant, XNNPACK first. */
  List<Contender> contenders() {
    List<Contender> list = new ArrayList<>();
    for (String v : variants) {
      String label =
          runtime
              + (v.equals("xnnpack") ? " XNNPACK (default delegate)" : " builtin (no delegate)");
      list.add(new Variant(v, label));
    }
    return list;
  }

  private final class Variant implements Contender {
    private final String variant;
    private final String label;

    Variant(String variant, String label) {
      this.variant = variant;
      this.label = label;
    }

    @Override
    public String name() {
      return label;
    }

    @Override
    public void warm(long nanos, int minRuns) throws IOException {
      send("warm " + variant + " " + nanos / 1e9 + " " + minRuns);
      expect("ok");
    }

    @Override
    public long[] time(int n) throws IOException {
      send("time " + variant + " " + n);
      String[] words = expect("times").split(" ");
      if (words.length != n) {
        throw new IOException("the TFLite driver returned " + words.length + " times, not " + n);
      }
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        t[i] = Long.parseLong(words[i]);
      }
      return t;
    }
  }

  private void send(String line) throws IOException {
    in.write(line);
    in.newLine();
    in.flush();
  }

  /** Reads the next line, which must start with {@code word}; returns the rest. */
  private String expect(String word) throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException("the TFLite driver ended unexpectedly");
    }
    if (line.startsWith("error ")) {
      throw new IOException(line.substring(6));
    }
    if (line.equals(word)) {
      return "";
    }
    if (!line.startsWith(word + " ")) {
      throw new IOException("unexpected answer from the TFLite driver: " + line);
    }
    return line.substring(word.length() + 1);
  }

  @Override
  public void close() {
    try {
      send("quit");
    } catch (IOException e) {
      // the process has ended already
    }
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteAll(dir);
  }

  private static void deleteAll(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
