package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();

  private String err() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aShortScanShowsNothing() {
    TerminalProgress p = new TerminalProgress(err, now::get);
    p.phase("loading");
    for (int i = 1; i <= 3; i++) {
      now.addAndGet(100_000_000L);
      p.loaded(i, 3);
    }
    p.phase("relating and checking");
    p.phase("done");
    assertEquals("", err());
  }

  @Test
  void aLongScanRewritesOneLineAFewTimesASecondAndClearsIt() {
    TerminalProgress p = new TerminalProgress(err, now::get);
    p.phase("loading");
    for (int i = 1; i <= 3000; i++) {
      now.addAndGet(1_000_000L); // 1 ms a file: 3 s
      p.loaded(i, 3000);
    }
    String shown = err();
    assertTrue(shown.startsWith("\r\033[Keksnet: loading 1000/3000 files (1 s)\r"), shown);
    long updates = shown.chars().filter(c -> c == '\r').count();
    assertEquals(11, updates, "every 200 ms from 1 s to 3 s, and the last file: " + shown);
    assertFalse(shown.contains("\n"), "one line, rewritten");
    p.phase("relating and checking");
    assertEquals(true, err().endsWith("\r\033[Keksnet: relating and checking (3 s)"), err());
    p.phase("done");
    assertEquals(true, err().endsWith("\r\033[K"), "the line is cleared at the end");
  }

  @Test
  void onlyOnATerminalOutsideCi() {
    assertFalse(TerminalProgress.wanted(false, Map.of()), "no console: output redirected");
    assertFalse(TerminalProgress.wanted(true, Map.of("CI", "true")), "CI logs");
    assertFalse(TerminalProgress.wanted(true, Map.of("TERM", "dumb")));
    // this test's standard error is a pipe or a file, never a terminal
    assertFalse(TerminalProgress.wanted(true, Map.of()), "stderr redirected");
  }

  @Test
  void progressNeverReachesTheReport(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("svc.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort}\n");
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ByteArrayOutputStream withProgress = new ByteArrayOutputStream();
    new Main(new PrintStream(plain, true, StandardCharsets.UTF_8), err, false, dir, Map.of())
        .run("scan", "-f", "json", ".");
    Main m =
        new Main(
            new PrintStream(withProgress, true, StandardCharsets.UTF_8), err, false, dir, Map.of());
    m.progress = true;
    m.run("scan", "-f", "json", ".");
    assertEquals(
        plain.toString(StandardCharsets.UTF_8).replaceAll("\"totalMs\": \\d+", ""),
        withProgress.toString(StandardCharsets.UTF_8).replaceAll("\"totalMs\": \\d+", ""));
    assertFalse(withProgress.toString(StandardCharsets.UTF_8).contains("\r"));
  }
}
