package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --output} onto what is not a regular file: devices and FIFOs are written through (never
 * replaced by a regular file, also through a symbolic link), {@code -} is standard output, and a
 * directory is a usage error before anything is scanned or written.
 */
class OutputTargetTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();
  private Path svc;

  @BeforeEach
  void input() throws IOException {
    svc = dir.resolve("svc.yaml");
    Files.writeString(
        svc,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
        spec:
          type: LoadBalancer
          ports: [{port: 80}]
        """);
  }

  private int scan(String output, String... format) {
    String f = format.length == 0 ? "json" : format[0];
    return cli.run(
        "scan",
        "--root",
        dir.toString(),
        "-f",
        f,
        "-o",
        output,
        "--fail-on",
        "none",
        svc.toString());
  }

  private static int fileType(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
  }

  @Test
  void devNullStaysACharacterDevice() throws IOException {
    Path devNull = Path.of("/dev/null");
    assertEquals(0020000, fileType(devNull));
    assertEquals(0, scan("/dev/null"), cli.err());
    assertEquals(0020000, fileType(devNull), "/dev/null is still a character device");
    assertEquals("", cli.out());
  }

  @Test
  void symlinkToDevNullIsWrittenThroughAndKept() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), Path.of("/dev/null"));
    assertEquals(0, scan(link.toString()), cli.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(link));
    assertEquals(0020000, fileType(Path.of("/dev/null")));
  }

  @Test
  void fifoGetsTheWholeReport() throws Exception {
    Path fifo = dir.resolve("report.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, mk.exitValue());
    CompletableFuture<byte[]> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readAllBytes(fifo); // blocks until the scan opens it, reads to EOF
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertEquals(0, scan(fifo.toString()), cli.err());
    String report = new String(reader.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertTrue(
        new ObjectMapper().readTree(report).toString().contains("EKS-SVC-001"), "JSON: " + report);
    assertEquals(0010000, fileType(fifo), "still a FIFO");
    try (var s = Files.list(dir)) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void dashIsStandardOutput() throws IOException {
    assertEquals(0, scan("-"), cli.err());
    assertTrue(
        new ObjectMapper().readTree(cli.out()).toString().contains("EKS-SVC-001"), cli.out());
    assertFalse(Files.exists(dir.resolve("-")));
  }

  @Test
  void devStdoutIsThisCommandsStandardOutputNotAFileToReplace() throws IOException {
    assertEquals(0, scan("/dev/stdout", "text"), cli.err());
    assertTrue(cli.out().contains("EKS-SVC-001"), cli.out());
    assertTrue(
        Files.isSymbolicLink(Path.of("/dev/stdout"))
            || !Files.exists(Path.of("/dev/stdout"), LinkOption.NOFOLLOW_LINKS),
        "/dev/stdout was not replaced by a file");
  }

  @Test
  void directoryIsAUsageErrorAndNothingIsWritten() throws IOException {
    Path taken = Files.createDirectories(dir.resolve("out"));
    assertEquals(2, scan(taken.toString()), cli.err());
    assertTrue(
        cli.err().contains("cannot write the report to " + taken + ": it is a directory"),
        cli.err());
    assertTrue(cli.err().contains("Try 'eksnet --help'"), cli.err());
    assertEquals("", cli.out());
    try (var s = Files.list(taken)) {
      assertEquals(0, s.count());
    }
    Path link = Files.createSymbolicLink(dir.resolve("to-dir"), taken);
    assertEquals(2, scan(link.toString()), cli.err());
    assertTrue(cli.err().contains("it is a directory"), cli.err());
    assertTrue(Files.isSymbolicLink(link));
  }

  /**
   * Missing folders are created, but one that is a file made the scan run to the end and then fail
   * with "cannot write the report to svc.yaml/out.json: /tmp/.../svc.yaml".
   */
  @Test
  void aFolderThatIsAFileIsAUsageErrorBeforeTheScan() {
    String target = svc + "/reports/out.json";
    assertEquals(2, scan(target), cli.err());
    assertTrue(
        cli.err().contains("cannot write the report to " + target + ": " + svc + " is a file"),
        cli.err());
    assertEquals("", cli.out());
    assertTrue(Files.isRegularFile(svc));
  }

  @Test
  void aFailedWriteIsExitTwoAndStillListsTheInputProblems() throws IOException {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
    Files.writeString(dir.resolve("broken.yaml"), "kind: [\n");
    assertEquals(
        2,
        cli.run("scan", "--root", dir.toString(), "-f", "sarif", "-o", "/dev/full", dir.toString()),
        cli.err());
    assertTrue(cli.err().contains("eksnet: cannot write the report to /dev/full:"), cli.err());
    assertTrue(
        cli.err().contains("broken.yaml:"), "the input problem is still listed: " + cli.err());
    assertEquals(0020000, fileType(Path.of("/dev/full")));
  }

  @Test
  void capacityOutputIsCheckedTheSameWay() throws IOException {
    Path taken = Files.createDirectories(dir.resolve("out"));
    assertEquals(2, cli.run("capacity", "-o", taken.toString(), svc.toString()), cli.err());
    assertTrue(cli.err().contains("it is a directory"), cli.err());
    assertEquals(0, cli.run("capacity", "-o", "/dev/null", svc.toString()), cli.err());
    assertEquals(0020000, fileType(Path.of("/dev/null")));
  }

  @Test
  void symlinkToARegularFileIsReplacedAndItsTargetNeverWritten() throws IOException {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep me\n");
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), elsewhere);
    assertEquals(0, scan(link.toString()), cli.err());
    assertFalse(Files.isSymbolicLink(link));
    assertTrue(Files.readString(link).contains("EKS-SVC-001"));
    assertEquals("keep me\n", Files.readString(elsewhere));
  }
}
