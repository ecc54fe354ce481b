package org.edgetpu4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.edgetpu4j.cli.FileClassesTest.assertClean;
import static org.edgetpu4j.cli.FileClassesTest.cli;

import java.io.DataOutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.edgetpu4j.tflite.testing.ConformanceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output errors are named as output errors, killed writes leave nothing the next write does not
 * clean up, and failed runs leave no directories behind.
 */
class OutputSideTest {
  @TempDir Path dir;

  private Path model() throws Exception {
    return Files.write(dir.resolve("m.tflite"), ConformanceCases.load("mnist_cnn_int8").model());
  }

  private Path input() throws Exception {
    return Files.write(dir.resolve("in.bin"), new byte[784]);
  }

  @Test
  void anOutputPathThatIsADirectoryIsAnOutputError() throws Exception {
    Path target = Files.createDirectories(dir.resolve("report.txt"));
    FileClassesTest.Result r = cli("check", model().toString(), "--output", target.toString());
    assertClean("check --output DIR", r);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot write output").contains("is a directory");
    assertThat(target).isEmptyDirectory();
  }

  @Test
  void anOutputDirectoryThatIsAFileIsAnOutputError() throws Exception {
    Path file = Files.write(dir.resolve("taken"), new byte[1]);
    FileClassesTest.Result r =
        cli(
            "run",
            model().toString(),
            "--input",
            input().toString(),
            "--output-dir",
            file.resolve("sub").toString());
    assertClean("run --output-dir under a file", r);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot write output").doesNotContain("cannot read input");
  }

  @Test
  void readOnlyDirectoriesAndFullDisksAreOutputErrorsAndLeaveNothing() {
    Path out = dir.resolve("a").resolve("b");
    for (FileSystemException e :
        new FileSystemException[] {
          new AccessDeniedException(out.resolve("output_1.bin").toString()),
          new FileSystemException(
              out.resolve("output_1.bin").toString(), null, "No space left on device")
        }) {
      int[] calls = {0};
      OutputFiles files =
          new OutputFiles(
              (target, bytes) -> {
                if (calls[0]++ == 1) {
                  throw e;
                }
                Files.write(target, bytes);
              });
      files.directory(out);
      files.write(out.resolve("output_0.bin"), new byte[] {1});
      CliException failure =
          catchThrowableOfType(
              () -> files.write(out.resolve("output_1.bin"), new byte[] {2}), CliException.class);
      assertThat(failure.exitCode()).isEqualTo(2);
      assertThat(failure.getMessage())
          .startsWith("cannot write output " + out.resolve("output_1.bin"))
          .containsAnyOf("permission denied", "No space left on device")
          .doesNotContain("Exception");
      assertThat(dir.resolve("a")).as("created directories are removed").doesNotExist();
    }
  }

  @Test
  void theNextWriteRemovesWhatAKilledWriteLeft() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path orphan = Files.write(out.resolve(".output_0.bin.123456789.tmp"), new byte[100]);
    Path held = Files.write(out.resolve(".output_0.bin.987654321.tmp"), new byte[100]);
    Path other = Files.write(out.resolve(".other.bin.1.tmp"), new byte[1]);
    try (FileChannel ch = FileChannel.open(held, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      FileClassesTest.Result r =
          cli(
              "run",
              model().toString(),
              "--input",
              input().toString(),
              "--output-dir",
              out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(orphan).as("left by a killed writer").doesNotExist();
      assertThat(held).as("a write in progress is left alone").exists();
      assertThat(other).as("another target's file is left alone").exists();
      assertThat(out.resolve("output_0.bin")).hasSize(10);
    }
  }

  @Test
  void demoWithEmptyIdxFilesExitsTwoWithAReasonAndNoDirectory() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    for (String split : new String[] {"train", "t10k"}) {
      writeIdx(data.resolve(split + "-images-idx3-ubyte"), 0, 28, 28);
      writeIdx(data.resolve(split + "-labels-idx1-ubyte"), 0);
    }
    Path out = dir.resolve("runs").resolve("demo");
    FileClassesTest.Result r =
        cli("demo", "mnist", "--data", data.toString(), "--out", out.toString());
    assertClean("demo on 0 images", r);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("0 images");
    assertThat(out).doesNotExist();
  }

  private static void writeIdx(Path p, int... dims) throws Exception {
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(p))) {
      o.writeInt(0x0800 | dims.length);
      for (int d : dims) {
        o.writeInt(d);
      }
    }
  }

  @Test
  void benchOnARefusedModelExitsOneInOneLine() throws Exception {
    Path custom =
        Files.write(dir.resolve("c.tflite"), ConformanceCases.load("custom_op_audio_mfcc").model());
    FileClassesTest.Result r = cli("bench", custom.toString(), "--runs", "1");
    assertClean("bench on a refused model", r);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("model refused").contains("CUSTOM:AudioSpectrogram");
    FileClassesTest.Result bad =
        cli(
            "bench",
            model().toString(),
            "--input",
            Files.write(dir.resolve("short.bin"), new byte[3]).toString(),
            "--runs",
            "1");
    assertClean("bench with a short input", bad);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("needs 784 bytes, got 3");
  }
}
