package org.edgetpu4j.tflite.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files atomically: the bytes go to a temporary file {@code .NAME.*.tmp} beside the target,
 * held under a file lock while written, then renamed into place, so a reader sees the old file or
 * the whole new one. A temporary file nobody holds (left by a writer that was killed) is removed by
 * the next write to the same target; directories created for a write that then fails are removed
 * again.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code path}, replacing any file there.
   *
   * @throws IOException when {@code path} is a directory or cannot be written; nothing is left
   *     behind then
   */
  public static void write(Path path, byte[] bytes) throws IOException {
    Path target = path.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new IOException(target + " is a directory; expected a file name to write");
    }
    Path dir = target.getParent();
    List<Path> created = createDirectories(dir);
    boolean done = false;
    try {
      String prefix = "." + target.getFileName() + ".";
      removeLeftovers(dir, prefix);
      Path tmp = Files.createTempFile(dir, prefix, ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          ByteBuffer bb = ByteBuffer.wrap(bytes);
          while (bb.hasRemaining()) {
            ch.write(bb);
          }
          readableByAll(tmp);
          try {
            Files.move(
                tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
      done = true;
    } finally {
      if (!done) {
        for (int i = created.size() - 1; i >= 0; i--) {
          deleteIfEmpty(created.get(i));
        }
      }
    }
  }

  /**
   * Creates {@code dir} and its missing parents.
   *
   * @return the directories created, outermost first
   */
  public static List<Path> createDirectories(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    List<Path> created = new ArrayList<>();
    try {
      for (Path p : missing) {
        Files.createDirectory(p);
        created.add(p);
      }
    } catch (IOException e) {
      for (int i = created.size() - 1; i >= 0; i--) {
        deleteIfEmpty(created.get(i));
      }
      throw e;
    }
    return created;
  }

  /** Deletes {@code dir} when it is an empty directory; says whether it did. */
  public static boolean deleteIfEmpty(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        return false;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        if (s.iterator().hasNext()) {
          return false;
        }
      }
      Files.delete(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes {@code prefix*.tmp} files in {@code dir} that no writer holds locked. */
  private static void removeLeftovers(Path dir, String prefix) {
    try (DirectoryStream<Path> s =
        Files.newDirectoryStream(
            dir,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix) && n.endsWith(".tmp") && Files.isRegularFile(p);
            })) {
      for (Path p : s) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
          FileLock lock = ch.tryLock();
          if (lock != null) {
            Files.deleteIfExists(p);
            lock.release();
          }
        } catch (OverlappingFileLockException | IOException e) {
          // held by a writer in this process, or not ours to remove: leave it
        }
      }
    } catch (IOException e) {
      // an unlistable directory fails the write itself, with its own message
    }
  }

  /** Temporary files are private to their owner; a finished output file is not. */
  private static void readableByAll(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the defaults
    }
  }
}
