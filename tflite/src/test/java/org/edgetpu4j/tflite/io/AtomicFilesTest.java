package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic writes: whole files only, leftovers of killed writers removed, nothing left on failure.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheTargetAndLeavesNoTemporaryFile() throws Exception {
    Path t = dir.resolve("x").resolve("y").resolve("out.bin");
    AtomicFiles.write(t, new byte[] {1});
    AtomicFiles.write(t, new byte[] {2, 3});
    assertThat(t).hasBinaryContent(new byte[] {2, 3});
    try (var s = Files.list(t.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.bin");
    }
  }

  @Test
  void removesUnheldLeftoversOfTheSameTargetOnly() throws Exception {
    Path t = dir.resolve("out.bin");
    Path orphan = Files.write(dir.resolve(".out.bin.42.tmp"), new byte[5]);
    Path held = Files.write(dir.resolve(".out.bin.43.tmp"), new byte[5]);
    Path unrelated = Files.write(dir.resolve(".out.bin2.44.tmp"), new byte[5]);
    try (FileChannel ch = FileChannel.open(held, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      AtomicFiles.write(t, new byte[] {7});
    }
    assertThat(orphan).doesNotExist();
    assertThat(held).exists();
    assertThat(unrelated).exists();
  }

  @Test
  void aDirectoryTargetIsRefusedAndFailedWritesRemoveCreatedDirectories() throws Exception {
    Path d = Files.createDirectories(dir.resolve("target"));
    assertThat(catchThrowableOfType(() -> AtomicFiles.write(d, new byte[1]), IOException.class))
        .hasMessageContaining("is a directory");
    assertThat(d).isEmptyDirectory();
    Path file = Files.write(dir.resolve("plain"), new byte[1]);
    assertThat(
            catchThrowableOfType(
                () -> AtomicFiles.write(file.resolve("a").resolve("b.bin"), new byte[1]),
                IOException.class))
        .isNotNull();
    Path fresh = dir.resolve("new").resolve("deeper");
    assertThat(AtomicFiles.createDirectories(fresh)).containsExactly(dir.resolve("new"), fresh);
    assertThat(AtomicFiles.deleteIfEmpty(fresh)).isTrue();
    assertThat(AtomicFiles.deleteIfEmpty(dir)).isFalse();
  }
}
