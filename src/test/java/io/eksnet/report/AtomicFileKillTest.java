package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed in the middle of writing a report leaves the previous report as it was. */
class AtomicFileKillTest {

  @Test
  void processKilledMidWriteLeavesThePreviousReportIntact(@TempDir Path tmp) throws Exception {
    Path report = tmp.resolve("eksnet.sarif");
    byte[] previous = "{\"previous\": \"report\"}\n".getBytes(StandardCharsets.UTF_8);
    Files.write(report, previous);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StalledWrite.class.getName(),
                report.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = r.readLine();
      } while (line != null && !line.equals("HALF WRITTEN"));
      assertEquals("HALF WRITTEN", line, "the child started writing");
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertArrayEquals(previous, Files.readAllBytes(report), "the old report, byte for byte");
    try (Stream<Path> s = Files.list(tmp)) {
      List<String> names = s.map(x -> x.getFileName().toString()).sorted().toList();
      // the killed writer's temporary file stays (nothing runs after SIGKILL), hidden beside it
      assertTrue(names.contains("eksnet.sarif"), names.toString());
      assertTrue(
          names.stream()
              .allMatch(
                  n ->
                      n.equals("eksnet.sarif") || n.matches("\\.eksnet\\.sarif\\.[0-9a-f]+\\.tmp")),
          names.toString());
    }
  }

  @Test
  void outputPathThatIsASymbolicLinkIsReplacedNotWrittenThrough(@TempDir Path tmp)
      throws IOException {
    Path elsewhere = Files.writeString(tmp.resolve("elsewhere.txt"), "not yours\n");
    Path report = Files.createSymbolicLink(tmp.resolve("eksnet.sarif"), elsewhere);
    AtomicFile.write(report, "{}\n");
    assertEquals("not yours\n", Files.readString(elsewhere));
    assertTrue(Files.isRegularFile(report, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals("{}\n", Files.readString(report));
  }
}
