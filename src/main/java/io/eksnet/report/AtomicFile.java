package io.eksnet.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report so that readers see the old content or the new, never half of it: the content
 * goes to a temporary file in the same directory, is flushed to disk, and is moved into place with
 * {@code ATOMIC_MOVE} (or {@code REPLACE_EXISTING} where the file system cannot move atomically). A
 * failed or killed write leaves the old file as it was; on failure the temporary file is removed.
 *
 * <p>What the path names decides how (symbolic links followed to find out):
 *
 * <ul>
 *   <li>nothing, or a regular file: the temporary file and move above. A symbolic link (to a
 *       regular file, or dangling) is itself replaced by the report; its target is never written,
 *       so a link planted in a checkout cannot redirect the report onto a file elsewhere.
 *   <li>a character device ({@code /dev/null}, a terminal) or a FIFO: written through, in one go
 *       from memory, never replaced (a temporary file and move would put a regular file in place of
 *       the device). Also when reached through a symbolic link.
 *   <li>anything else (a directory, a block device, a socket): refused with an {@link IOException}
 *       before anything is written; {@link #refusal} tells it beforehand.
 * </ul>
 */
public final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating parent directories. */
  public static void write(Path target, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    write(target, out -> out.write(bytes));
  }

  /** What fills the temporary file; a seam for tests that make writing fail. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Kind kind = kindOf(file);
    if (kind == Kind.STREAM) {
      writeThrough(file, content);
      return;
    }
    if (kind != Kind.FILE) {
      throw new IOException(file + " " + kind.refusal);
    }
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = createTemp(dir, file.getFileName().toString());
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Why a report cannot be written to {@code target} (for example "is a directory"), or null when
   * it can: nothing is there yet, or a regular file, a character device or a FIFO.
   */
  public static String refusal(Path target) {
    return kindOf(target.toAbsolutePath().normalize()).refusal;
  }

  /** What an output path names, symbolic links followed. */
  private enum Kind {
    /** Nothing yet, a regular file, or a dangling link: replaced atomically. */
    FILE(null),
    /** A character device or a FIFO: written through. */
    STREAM(null),
    DIRECTORY("is a directory"),
    BLOCK_DEVICE("is a block device"),
    SOCKET("is a socket"),
    OTHER("is not a regular file, a character device or a FIFO");

    final String refusal;

    Kind(String refusal) {
      this.refusal = refusal;
    }
  }

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFSOCK = 0140000;

  private static Kind kindOf(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Kind.FILE; // nothing there (or a dangling link): created; other errors show on write
    }
    if (a.isRegularFile()) {
      return Kind.FILE;
    }
    if (a.isDirectory()) {
      return Kind.DIRECTORY;
    }
    int mode;
    try {
      mode = (Integer) Files.getAttribute(file, "unix:mode");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Kind.OTHER; // no POSIX file types here: do not guess
    }
    return switch (mode & S_IFMT) {
      case S_IFCHR, S_IFIFO -> Kind.STREAM;
      case S_IFBLK -> Kind.BLOCK_DEVICE;
      case S_IFSOCK -> Kind.SOCKET;
      default -> Kind.OTHER;
    };
  }

  /**
   * Writes to a device or FIFO as it is: opened for writing (never created or truncated, as a
   * shell's {@code >} would), the whole content in one go, no {@code fsync} (devices refuse it). A
   * FIFO blocks until it has a reader, as with the shell.
   */
  private static void writeThrough(Path file, Content content) throws IOException {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    content.writeTo(buf); // rendered in full first: a failure writes nothing
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      buf.writeTo(out);
      out.flush();
    }
  }

  /** A new empty file {@code .<name>.<random>.tmp} with the default permissions (not 0600). */
  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
      try {
        return Files.createFile(dir.resolve("." + name + "." + suffix + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }
}
