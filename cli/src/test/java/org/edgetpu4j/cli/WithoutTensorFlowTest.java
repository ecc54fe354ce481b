package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime path needs no TensorFlow: {@code inspect}, {@code check} and {@code run} in a JVM
 * whose class path has every TensorFlow jar (and protobuf, which only TensorFlow uses) removed;
 * {@code compile} then says in one line what it needs.
 */
class WithoutTensorFlowTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static String filteredClassPath() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept =
        Arrays.stream(cp.split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .filter(e -> !e.replace('\\', '/').contains("/org/tensorflow/"))
            .filter(e -> !e.replace('\\', '/').contains("/com/google/protobuf/"))
            .collect(Collectors.toList());
    assertThat(kept).noneMatch(e -> e.contains("tensorflow-core"));
    assertThat(kept).anyMatch(e -> e.contains("picocli"));
    return String.join(File.pathSeparator, kept);
  }

  private Result cli(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(filteredClassPath());
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(
                ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean isWindows() {
    return System.getProperty("os.name").startsWith("Windows");
  }

  private Path resource(String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = WithoutTensorFlowTest.class.getResourceAsStream("run/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void inspectCheckAndRunWorkAndCompileSaysWhatItNeeds() throws Exception {
    Path model = resource("mnist_qat_int8.tflite");
    Result inspect = cli("inspect", model.toString());
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("CONV_2D v3");
    Result check = cli("check", model.toString(), "--format", "json");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("\"edgetpuCompatible\"");
    Result run =
        cli(
            "run",
            model.toString(),
            "--input",
            resource("digit-2.png").toString(),
            "--labels",
            resource("digit-labels.txt").toString(),
            "--top-k",
            "1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("(?m)^two\\s+\\d+\\.\\d{5}$");
    Path graph = Files.write(dir.resolve("g.pb"), new byte[] {1});
    Result compile =
        cli(
            "compile",
            graph.toString(),
            "--inputs",
            "x",
            "--outputs",
            "y",
            "--output",
            dir.resolve("o.tflite").toString());
    assertThat(compile.code()).isEqualTo(1);
    assertThat(compile.err().strip().lines()).hasSize(1);
    assertThat(compile.err()).contains("compile needs TensorFlow Java");
  }
}
