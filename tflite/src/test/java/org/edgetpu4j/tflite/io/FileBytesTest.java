package org.edgetpu4j.tflite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded reads: sizes checked before reading, special files refused or read up to the bound. */
class FileBytesTest {
  @TempDir Path dir;

  @Test
  void readsARegularFileWithinTheBound() throws Exception {
    Path p = Files.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
    assertThat(FileBytes.read(p, 3, FileBytes.Special.REFUSE, "x")).containsExactly(1, 2, 3);
  }

  @Test
  void refusesLargerFilesBeforeReadingThem() throws Exception {
    Path p = dir.resolve("sparse.bin");
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(Integer.MAX_VALUE); // sparse: costs no disk
    }
    IOException e =
        catchThrowableOfType(
            () -> FileBytes.read(p, Long.MAX_VALUE, FileBytes.Special.REFUSE, "a model"),
            IOException.class);
    assertThat(e)
        .hasMessageContaining("2147483647 bytes, more than the 2147483631 allowed for a model");
    Path small = Files.write(dir.resolve("b.bin"), new byte[10]);
    assertThat(
            catchThrowableOfType(
                () -> FileBytes.read(small, 9, FileBytes.Special.REFUSE, "input 0"),
                IOException.class))
        .hasMessage(small + " is 10 bytes, more than the 9 allowed for input 0");
  }

  @Test
  void directoriesAndSpecialFilesAreRefusedOrBounded() throws Exception {
    assertThat(
            catchThrowableOfType(
                () -> FileBytes.read(dir, 10, FileBytes.Special.REFUSE, "a file"),
                IOException.class))
        .hasMessage(dir + " is a directory; expected a file");
    Path zero = Path.of("/dev/zero");
    assertThat(
            catchThrowableOfType(
                () -> FileBytes.read(zero, 10, FileBytes.Special.REFUSE, "a model"),
                IOException.class))
        .hasMessageContaining("not a regular file");
    assertThat(
            catchThrowableOfType(
                () -> FileBytes.read(zero, 100_000, FileBytes.Special.READ_BOUNDED, "input 0"),
                IOException.class))
        .hasMessage("/dev/zero gives more than the 100000 bytes allowed for input 0");
    assertThat(FileBytes.read(Path.of("/dev/null"), 10, FileBytes.Special.READ_BOUNDED, "x"))
        .isEmpty();
  }
}
