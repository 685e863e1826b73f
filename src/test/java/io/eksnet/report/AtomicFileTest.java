package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesUtf8ContentAndCreatesParentDirectories(@TempDir Path tmp) throws IOException {
    Path target = tmp.resolve("out/reports/eksnet.sarif");
    AtomicFile.write(target, "{\"é\": 1}\n");
    assertEquals("{\"é\": 1}\n", Files.readString(target, StandardCharsets.UTF_8));
    assertEquals(List.of("eksnet.sarif"), names(target.getParent()));
  }

  @Test
  void replacesAnExistingFileWholly(@TempDir Path tmp) throws IOException {
    Path target = tmp.resolve("report.json");
    Files.writeString(target, "old content that is longer than the new one\n");
    AtomicFile.write(target, "new\n");
    assertEquals("new\n", Files.readString(target));
    assertEquals(List.of("report.json"), names(tmp));
  }

  @Test
  void failedWriteLeavesOldFileIntactAndNoTempFile(@TempDir Path tmp) throws IOException {
    Path target = tmp.resolve("report.sarif");
    Files.writeString(target, "previous report\n");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("previous report\n", Files.readString(target));
    assertEquals(List.of("report.sarif"), names(tmp));
  }

  @Test
  void failedFirstWriteLeavesNothingBehind(@TempDir Path tmp) {
    Path target = tmp.resolve("report.sarif");
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFile.write(
                target,
                out -> {
                  out.write('{');
                  throw new IllegalStateException("bug while rendering");
                }));
    assertFalse(Files.exists(target));
    assertEquals(List.of(), assertDoesNotThrowNames(tmp));
  }

  @Test
  void targetThatIsADirectoryFailsWithoutTempFiles(@TempDir Path tmp) throws IOException {
    Path target = tmp.resolve("taken");
    Files.createDirectories(target.resolve("child"));
    assertThrows(IOException.class, () -> AtomicFile.write(target, "x"));
    assertEquals(List.of("taken"), names(tmp));
  }

  @Test
  void characterDeviceIsWrittenThroughNotReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    AtomicFile.write(devNull, "report\n");
    assertEquals(0020000, (Integer) Files.getAttribute(devNull, "unix:mode") & 0170000);
    assertEquals(null, AtomicFile.refusal(devNull));
  }

  @Test
  void refusalNamesWhatIsNotWritable(@TempDir Path tmp) throws IOException {
    assertEquals("is a directory", AtomicFile.refusal(tmp));
    assertEquals(null, AtomicFile.refusal(tmp.resolve("new.sarif")));
    assertEquals(null, AtomicFile.refusal(Files.writeString(tmp.resolve("old.sarif"), "x")));
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(tmp, "x"));
    assertEquals(tmp + " is a directory", e.getMessage());
  }

  private static List<String> assertDoesNotThrowNames(Path dir) {
    try {
      return names(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
