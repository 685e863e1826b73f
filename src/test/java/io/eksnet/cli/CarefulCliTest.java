package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named inputs never vanish: standard input, pipes and FIFOs are read, missing paths and typos are
 * errors with a suggestion, a scan of nothing says so, and paths are shown as given.
 */
class CarefulCliTest {

  @TempDir Path dir;
  @TempDir Path elsewhere;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final String NLB_SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
      spec:
        type: LoadBalancer
        ports: [{port: 80}]
      """;

  private Main main() {
    out.reset();
    err.reset();
    return new Main(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false,
        dir,
        Map.of());
  }

  private int run(String... args) {
    return main().run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A FIFO that {@code text} is written to once a reader opens it. */
  private static CompletableFuture<Void> fifo(Path fifo, String text) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "no mkfifo here");
    return CompletableFuture.runAsync(
        () -> {
          try {
            Files.writeString(fifo, text); // blocks until the scan opens the FIFO
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void dashReadsStandardInput() throws Exception {
    Path stdin = elsewhere.resolve("stdin"); // stands for /dev/stdin, a pipe
    CompletableFuture<Void> writer = fifo(stdin, NLB_SERVICE);
    int code = main().stdin(stdin).run("scan", "--fail-on", "medium", "-");
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(1, code, err());
    assertTrue(out().contains(stdin + ":5:3: MEDIUM EKS-SVC-001"), out());
    assertTrue(out().endsWith("in 1 file\n"), out());
  }

  /**
   * {@code terraform show -json plan | eksnet scan -} where terraform failed (and the shell has no
   * pipefail): the stream is empty. That said "No findings in 1 file", exit 0.
   */
  @Test
  void anEmptyStreamIsAnInputProblemNotAnAllClear() throws Exception {
    Path stdin = elsewhere.resolve("stdin");
    CompletableFuture<Void> writer = fifo(stdin, "");
    int code = main().stdin(stdin).run("scan", "-");
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(2, code, err());
    assertTrue(
        err().contains(stdin + ":1:1: error: the stream was empty, so nothing was read from it"),
        err());
  }

  /**
   * {@code --config <(envsubst < eksnet.tmpl.yaml)}: a process substitution is not a regular file,
   * and was reported as "config file not found".
   */
  @Test
  void aConfigFromAProcessSubstitutionIsRead() throws Exception {
    Files.writeString(dir.resolve("svc.yaml"), NLB_SERVICE);
    Path config = elsewhere.resolve("config-pipe");
    CompletableFuture<Void> writer = fifo(config, "failOn: medium\n");
    int code = run("scan", "--root", dir.toString(), "-c", config.toString(), dir.toString());
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(1, code, err()); // the MEDIUM finding fails under the config's failOn
    assertEquals(2, run("scan", "--root", dir.toString(), "-c", dir.toString(), dir.toString()));
    assertTrue(err().contains("error: config is a directory (--config takes a file)"), err());
  }

  @Test
  void aFifoIsReadWhateverItsName() throws Exception {
    Path fifo = dir.resolve("plan-pipe");
    CompletableFuture<Void> writer = fifo(fifo, NLB_SERVICE);
    int code = run("scan", "--root", dir.toString(), "--fail-on", "medium", fifo.toString());
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(1, code, err());
    assertTrue(out().contains("plan-pipe:5:3: MEDIUM EKS-SVC-001"), out());
  }

  @Test
  void terraformJsonFromAPipeIsRecognisedByContent() throws Exception {
    Path fifo = dir.resolve("plan");
    CompletableFuture<Void> writer = fifo(fifo, "{\"format_version\": \"1.2\", \"values\": {}}\n");
    int code = run("scan", "--root", dir.toString(), fifo.toString());
    writer.get(30, TimeUnit.SECONDS);
    assertEquals(0, code, err());
    assertEquals("No findings in 1 file\n", out());
  }

  @Test
  void aFileOutsideTheRootKeepsItsAbsolutePath() throws IOException {
    Path outside = elsewhere.resolve("x.yaml");
    Files.writeString(outside, NLB_SERVICE);
    run("scan", "--root", dir.toString(), outside.toString());
    assertTrue(out().startsWith(outside + ":5:3: MEDIUM EKS-SVC-001"), out());
    run("scan", "--root", dir.toString(), "-f", "sarif", outside.toString());
    assertTrue(out().contains("\"uri\": \"file://" + outside + "\""), out());
  }

  @Test
  void aMissingPathIsAnErrorAlsoWithoutTheScanCommand() {
    assertEquals(2, run("scan", "nope.yaml"));
    assertTrue(err().contains("nope.yaml:1:1: error: no such file or directory"), err());
    assertEquals(2, run("nope.yaml"));
    assertEquals("eksnet: nope.yaml: no such file or directory\nTry 'eksnet --help'.\n", err());
  }

  @Test
  void aScanThatReadNoFileSaysSo() throws IOException {
    Files.writeString(dir.resolve("README.md"), "# nothing to scan\n");
    assertEquals(0, run("scan", dir.toString()));
    assertTrue(out().startsWith("No findings in 0 files"), out());
    assertTrue(err().contains("note: no file was scanned"), err());
  }

  @Test
  void aNamedFileThatIsNoManifestIsSkippedWithANoteThatLeavesTheExitCode() throws IOException {
    Files.writeString(dir.resolve("svc.yaml"), NLB_SERVICE);
    Files.writeString(dir.resolve("notes.txt"), "kind: [not yaml at all\n");
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
    int code = run("scan", "--fail-on", "medium", "svc.yaml", "notes.txt", "package.json");
    assertEquals(1, code, err());
    // named, so the user meant them: said, never a silent all-clear; not errors either
    assertEquals(
        "note: notes.txt: not read (eksnet reads *.yaml, *.yml, *.json, Terraform state *.tfstate,"
            + " and *.tf for locations)\n"
            + "note: package.json: named on the command line but neither a Kubernetes object"
            + " (apiVersion and kind) nor Terraform JSON (`terraform show -json` output or a state"
            + " file), so nothing was read from it\n",
        err());
    assertTrue(out().endsWith("1 finding (1 medium) in 2 files\n"), out());
  }

  @Test
  void anEnableTypoIsAUsageErrorWithTheClosestRule() throws IOException {
    Files.writeString(dir.resolve("svc.yaml"), NLB_SERVICE);
    assertEquals(2, run("scan", "--enable", "EKS-SVC-01", "svc.yaml"));
    assertEquals(
        "eksnet: --enable: unknown rule id 'EKS-SVC-01' (did you mean EKS-SVC-001?) (see `eksnet"
            + " rules`)\nTry 'eksnet --help'.\n",
        err());
    assertFalse(err().contains(".eksnet.yaml"), err());
    assertEquals("", out(), "nothing was scanned");
    assertEquals(2, run("scan", "--disable", "EKS-LB-1", "svc.yaml"));
    assertTrue(err().contains("did you mean EKS-LB-001?"), err());
  }

  @Test
  void typosOfOptionsCommandsAndRuleIdsGetASuggestion() {
    assertEquals(2, run("scan", "--fail-of", "high", "."));
    assertTrue(err().startsWith("eksnet: unknown option '--fail-of' (did you mean --fail-on?)"));
    assertEquals(2, run("scna", "."));
    assertTrue(err().startsWith("eksnet: unknown command 'scna' (did you mean scan?)"), err());
    assertEquals(2, run("explain", "EKS-SVC-01"));
    assertTrue(err().contains("did you mean EKS-SVC-001?"), err());
    assertEquals(2, run("scan", "--zzzzzz", "."));
    assertEquals("eksnet: unknown option '--zzzzzz'\nTry 'eksnet --help'.\n", err());
  }

  @Test
  void anEmptyNoColorLeavesColourOn() {
    assertTrue(Main.colorAllowed(Map.of()));
    assertTrue(Main.colorAllowed(Map.of("NO_COLOR", "")));
    assertFalse(Main.colorAllowed(Map.of("NO_COLOR", "1")));
  }

  @Test
  void daemonAlonePrintsItsUsage() {
    assertEquals(0, run("daemon"));
    assertTrue(out().startsWith("Usage: eksnet daemon status|stop"), out());
    assertEquals(2, run("daemon", "start"));
    assertTrue(err().contains("unknown daemon command 'start'"), err());
  }

  @Test
  void runsThatReadTheCallersStreamsAreNotForTheDaemon() throws IOException {
    Files.writeString(dir.resolve("svc.yaml"), NLB_SERVICE);
    assertTrue(Main.readsCallerStreams(new String[] {"scan", "-"}, dir));
    assertTrue(Main.readsCallerStreams(new String[] {"scan", "-q", "/dev/stdin"}, dir));
    assertTrue(Main.readsCallerStreams(new String[] {"/dev/fd/63"}, dir));
    // a config or baseline from a process substitution is the caller's stream too
    assertTrue(Main.readsCallerStreams(new String[] {"scan", "-c", "/dev/fd/63", "svc.yaml"}, dir));
    assertTrue(
        Main.readsCallerStreams(
            new String[] {"scan", "--baseline", "/dev/fd/62", "svc.yaml"}, dir));
    assertFalse(Main.readsCallerStreams(new String[] {"scan", "-o", "-", "svc.yaml"}, dir));
    assertFalse(Main.readsCallerStreams(new String[] {"scan", "svc.yaml"}, dir));
    assertFalse(Main.readsCallerStreams(new String[] {"rules"}, dir));
  }
}
