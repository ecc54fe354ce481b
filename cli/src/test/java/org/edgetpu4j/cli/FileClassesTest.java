package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of file a user can hand the commands — missing, directory, empty, garbage, truncated,
 * devices, pipes, sparse files of 2 GiB - 1 and 1.5 GB — through {@code inspect}, {@code check} and
 * {@code run}, as the model and as an input: exit 0, 1 or 2, at most one line on stderr, never a
 * Java class name or stack frame unless {@code --verbose}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FileClassesTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** One line at most, no class names, no stack frames. */
  static void assertClean(String what, Result r) {
    assertThat(r.code()).as(what + ": " + r.err()).isBetween(0, 2);
    assertThat(r.err().lines().count()).as(what + ": " + r.err()).isLessThanOrEqualTo(1);
    assertThat(r.err())
        .as(what)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("\tat ")
        .doesNotContain("Error:");
  }

  private Map<String, Path> modelFiles() throws Exception {
    Map<String, Path> files = new LinkedHashMap<>();
    byte[] good = ConformanceCases.load("mnist_cnn_int8").model();
    files.put("valid", Files.write(dir.resolve("good.tflite"), good));
    files.put("missing", dir.resolve("missing.tflite"));
    files.put("directory", Files.createDirectories(dir.resolve("adir")));
    files.put("empty", Files.write(dir.resolve("empty.tflite"), new byte[0]));
    files.put(
        "garbage", Files.write(dir.resolve("garbage.tflite"), "hello, not a model".getBytes()));
    files.put(
        "truncated",
        Files.write(dir.resolve("trunc.tflite"), java.util.Arrays.copyOf(good, good.length / 2)));
    files.put("sparse 2^31-1 bytes", sparse("max.tflite", Integer.MAX_VALUE));
    files.put("/dev/zero", Path.of("/dev/zero"));
    files.put("/dev/urandom", Path.of("/dev/urandom"));
    files.put("fifo", fifo("pipe.tflite"));
    return files;
  }

  private Path sparse(String name, long size) throws Exception {
    Path p = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
    return p;
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).isZero();
    return p;
  }

  @Test
  void everyModelFileClassThroughInspectCheckAndRun() throws Exception {
    Path input = Files.write(dir.resolve("in.bin"), new byte[784]);
    for (Map.Entry<String, Path> f : modelFiles().entrySet()) {
      String m = f.getValue().toString();
      List<Result> results = new ArrayList<>();
      results.add(cli("inspect", m));
      results.add(cli("check", m));
      results.add(
          cli("run", m, "--input", input.toString(), "--output-dir", dir.resolve("o").toString()));
      for (Result r : results) {
        assertClean(f.getKey(), r);
        if (f.getKey().equals("valid")) {
          assertThat(r.code()).as(r.err()).isIn(0, 1);
        } else {
          assertThat(r.code()).as(f.getKey() + ": " + r.err()).isEqualTo(2);
          assertThat(r.err()).startsWith("edgetpu4j ");
        }
      }
    }
    assertThat(cli("inspect", dir.resolve("max.tflite").toString()).err())
        .contains("2147483647 bytes, more than");
    assertThat(cli("inspect", "/dev/zero").err()).contains("not a regular file");
  }

  @Test
  void everyInputFileClassThroughRun() throws Exception {
    Path model =
        Files.write(dir.resolve("m.tflite"), ConformanceCases.load("mnist_cnn_int8").model());
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("missing", dir.resolve("nope.bin"));
    inputs.put("directory", Files.createDirectories(dir.resolve("indir")));
    inputs.put("empty", Files.write(dir.resolve("e.bin"), new byte[0]));
    inputs.put("too long", Files.write(dir.resolve("l.bin"), new byte[785]));
    inputs.put("sparse 1.5 GB", sparse("big.bin", 1_500_000_000L));
    inputs.put("/dev/zero", Path.of("/dev/zero"));
    inputs.put("/dev/urandom", Path.of("/dev/urandom"));
    for (Map.Entry<String, Path> f : inputs.entrySet()) {
      Path out = dir.resolve("out-" + f.getKey().replaceAll("\\W", ""));
      Result r =
          cli(
              "run",
              model.toString(),
              "--input",
              f.getValue().toString(),
              "--output-dir",
              out.toString());
      assertClean(f.getKey(), r);
      assertThat(r.code()).as(f.getKey()).isEqualTo(2);
      assertThat(out).as("a failed run leaves no directory").doesNotExist();
    }
    assertThat(
            cli(
                    "run",
                    model.toString(),
                    "--input",
                    "/dev/zero",
                    "--output-dir",
                    dir.resolve("z").toString())
                .err())
        .contains("more than the 784 bytes allowed for input 0");
    // a pipe with the right number of bytes is read
    Path pipe = fifo("in.fifo");
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream o = Files.newOutputStream(pipe)) {
                o.write(new byte[784]);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    Result ok =
        cli(
            "run",
            model.toString(),
            "--input",
            pipe.toString(),
            "--output-dir",
            dir.resolve("fifo-out").toString());
    writer.join();
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(dir.resolve("fifo-out").resolve("output_0.bin")).exists();
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path garbage = Files.write(dir.resolve("g.tflite"), new byte[] {1, 2, 3});
    Result r = cli("inspect", garbage.toString(), "--verbose");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().count()).isGreaterThan(1);
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void aFileLargerThanTheHeapIsRefusedInOneLine() throws Exception {
    Path big = sparse("huge.tflite", 1_500_000_000L);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "inspect",
                big.toString())
            .redirectErrorStream(false)
            .start();
    String err = new String(p.getErrorStream().readAllBytes());
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String ours = err.lines().filter(l -> l.startsWith("edgetpu4j")).reduce("", String::concat);
    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertThat(ours).contains("1500000000 bytes").contains("-Xmx");
    assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
  }
}
