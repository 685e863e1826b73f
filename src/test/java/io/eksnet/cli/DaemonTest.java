package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in-process, spoken to the way the launcher speaks to it (NUL-separated fields over
 * loopback TCP): what it answers must be what the CLI answers when run directly in the caller's
 * directory, and it must refuse what is not a request of its user.
 */
class DaemonTest {

  @TempDir Path tmp;

  private Path state;
  private Path project;
  private Path jar;
  private Daemon daemon;
  private CompletableFuture<Integer> serving;

  private static final String NODEPORT =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
      spec:
        type: LoadBalancer
        selector: {app: web}
        ports: [{port: 80}]
      """;

  private static final Daemon.Identity IDENTITY =
      new Daemon.Identity("0022", Map.of("LANG", "C.UTF-8"));

  @BeforeEach
  void start() throws Exception {
    state =
        Files.createDirectory(
            tmp.resolve("state"),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve(".git"));
    write("k8s/web.yaml", NODEPORT);
    write("k8s/clean.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    jar = write("fake.jar", "stands for the jar the daemon runs from");
    daemon = startDaemon(60_000);
  }

  @AfterEach
  void stop() throws Exception {
    if (serving != null && !serving.isDone()) {
      request("stop");
      serving.get(30, TimeUnit.SECONDS);
    }
  }

  private Daemon startDaemon(long idleMs) throws Exception {
    Daemon d = new Daemon(state, jar, idleMs, 200, IDENTITY);
    serving =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return d.serve(null);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    long until = System.currentTimeMillis() + 30_000;
    while (d.port() == 0 || !Files.exists(state.resolve("info"))) {
      assertTrue(System.currentTimeMillis() < until, "daemon did not start");
      assertFalse(
          serving.isDone() && serving.get() != null && d.port() == 0,
          "daemon ended before serving");
      Thread.sleep(10);
    }
    return d;
  }

  private Path write(String name, String text) throws IOException {
    Path p = project.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  record Answer(String line, int code, String out, String err) {}

  /**
   * Speaks to the daemon as the launcher does: sends {@code fields[0]} (the protocol) and a fresh
   * nonce, checks the daemon's proof of its secret, answers its challenge with the secret {@code
   * fields[1]} (the right one or not), sends the rest NUL-terminated, reads the answer line and
   * copies the output files. An answer other than {@code hello} to the nonce is returned as is.
   */
  private Answer send(List<String> fields) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
      s.setSoTimeout(60_000);
      OutputStream o = s.getOutputStream();
      InputStream in = s.getInputStream();
      String nonce = nonce();
      writeFields(o, List.of(fields.get(0), nonce));
      String hello = readLine(in);
      if (!hello.startsWith("hello ")) {
        return new Answer(hello, -1, null, null);
      }
      String[] h = hello.split(" ");
      assertEquals(sha256(daemon.token() + " daemon " + nonce), h[1], "the daemon's proof");
      List<String> rest = new ArrayList<>();
      rest.add(sha256(fields.get(1) + " client " + h[2]));
      rest.addAll(fields.subList(2, fields.size()));
      writeFields(o, rest);
      String l = readLine(in);
      String[] parts = l.split(" ");
      if (!parts[0].equals("ok")) {
        return new Answer(l, -1, null, null);
      }
      assertTrue(parts[1].matches("[0-9a-f]{16}"), l);
      Path r = state.resolve("r" + parts[1]);
      int code = Integer.parseInt(Files.readString(Path.of(r + ".code")).trim());
      return new Answer(
          l, code, Files.readString(Path.of(r + ".out")), Files.readString(Path.of(r + ".err")));
    }
  }

  private static void writeFields(OutputStream o, List<String> fields) throws IOException {
    for (String f : fields) {
      o.write(f.getBytes(StandardCharsets.UTF_8));
      o.write(0);
    }
    o.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static String nonce() {
    byte[] b = new byte[16];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  static String sha256(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens a connection, proves the secret and sends a run request without reading the answer: the
   * socket, for a caller that goes away or waits.
   */
  private Socket startRun(Path cwd, String... args) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port());
    s.setSoTimeout(60_000);
    String nonce = nonce();
    writeFields(s.getOutputStream(), List.of(Daemon.PROTOCOL, nonce));
    String[] h = readLine(s.getInputStream()).split(" ");
    List<String> f =
        new ArrayList<>(
            List.of(
                sha256(daemon.token() + " client " + h[2]),
                "run",
                cwd.toString(),
                "0",
                "0022",
                "1",
                "LANG=C.UTF-8",
                String.valueOf(args.length)));
    f.addAll(List.of(args));
    writeFields(s.getOutputStream(), f);
    return s;
  }

  private Answer request(String verb) throws IOException {
    return send(List.of(Daemon.PROTOCOL, daemon.token(), verb));
  }

  private Answer run(Path cwd, Map<String, String> env, String... args) throws IOException {
    return runAs("0022", cwd, env, args);
  }

  /** A run request from a caller with this umask and environment (plus the daemon's LANG). */
  private Answer runAs(String umask, Path cwd, Map<String, String> env, String... args)
      throws IOException {
    Map<String, String> all = new java.util.TreeMap<>(IDENTITY.env());
    all.putAll(env);
    all.values().removeIf(v -> v == null);
    List<String> f =
        new ArrayList<>(
            List.of(Daemon.PROTOCOL, daemon.token(), "run", cwd.toString(), "0", umask));
    f.add(String.valueOf(all.size()));
    all.forEach((k, v) -> f.add(k + "=" + v));
    f.add(String.valueOf(args.length));
    f.addAll(List.of(args));
    return send(f);
  }

  /** The same command run directly, as the launcher without a daemon would. */
  private Answer direct(Path cwd, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                cwd,
                env)
            .run(args);
    return new Answer(
        "direct", code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void assertSameAsDirect(Path cwd, String... args) throws IOException {
    Answer d = run(cwd, Map.of(), args);
    Answer e = direct(cwd, Map.of(), args);
    assertEquals(e.code(), d.code(), d.line());
    assertEquals(e.out(), d.out());
    assertEquals(e.err(), d.err());
  }

  @Test
  void answersAsTheCliDoesInTheCallersDirectory() throws Exception {
    Answer a = run(project, Map.of(), "scan", "--fail-on", "medium", "k8s");
    assertEquals(1, a.code(), a.err());
    assertTrue(a.out().startsWith("k8s/web.yaml:"), a.out());
    assertTrue(a.out().contains("EKS-SVC-001"), a.out());
    assertSameAsDirect(project, "scan", "k8s");
    assertSameAsDirect(project.resolve("k8s"), "scan", "web.yaml", "--format", "json");
    assertSameAsDirect(project.resolve("k8s"), "scan", "--fail-on", "none", "missing.yaml");
    assertSameAsDirect(project, "--version");
    assertSameAsDirect(project, "scan", "--bogus-option");
    assertSameAsDirect(project, "explain", "EKS-SVC-001");
  }

  @Test
  void relativeOutputConfigAndRulePathsAreTheCallers() throws Exception {
    write(".eksnet.yaml", "failOn: none\n");
    write("custom/broken.drl", "package custom;\nrule \"x\" when then end oops\n");
    Answer a =
        run(
            project.resolve("k8s"),
            Map.of(),
            "scan",
            "--config",
            "../.eksnet.yaml",
            "--format",
            "sarif",
            "--output",
            "report.sarif",
            "web.yaml");
    assertEquals(0, a.code(), a.err());
    assertTrue(
        Files.readString(project.resolve("k8s/report.sarif"))
            .contains("\"ruleId\": \"EKS-SVC-001\""));
    assertEquals("", a.out());
    assertSameAsDirect(project, "scan", "--rules", "custom", "k8s");
    Answer rules = run(project, Map.of(), "scan", "--rules", "custom", "k8s");
    assertTrue(rules.err().startsWith("custom/broken.drl:"), rules.err());
  }

  @Test
  void passesOnlyTheEnvironmentThatChangesOutput() throws Exception {
    Answer timed = run(project, Map.of("EKSNET_TIMINGS", "1", "PATH", "/nowhere"), "scan", "k8s");
    assertTrue(timed.err().contains("timings: engine+load"), timed.err());
    Answer plain = run(project, Map.of(), "scan", "k8s");
    assertFalse(plain.err().contains("timings:"), plain.err());
  }

  @Test
  void outputFilesAreRemovedOnceTheCallerHasThem() throws Exception {
    run(project, Map.of(), "scan", "k8s");
    long until = System.currentTimeMillis() + 10_000;
    while (hasOutputFiles()) {
      assertTrue(System.currentTimeMillis() < until, "output files left in " + state);
      Thread.sleep(20);
    }
  }

  private boolean hasOutputFiles() throws IOException {
    try (var s = Files.list(state)) {
      return s.anyMatch(p -> p.getFileName().toString().matches("r[0-9a-f]+\\.(out|err|code)"));
    }
  }

  @Test
  void refusesWrongTokensAndMalformedRequestsAndKeepsServing() throws Exception {
    assertEquals(
        "denied",
        send(List.of(
                Daemon.PROTOCOL,
                "0".repeat(32),
                "run",
                project.toString(),
                "0",
                "0022",
                "0",
                "1",
                "--version"))
            .line());
    assertEquals("denied", send(List.of("eksnet-daemon/1", daemon.token(), "ping")).line());
    assertEquals(
        "denied",
        send(List.of(
                Daemon.PROTOCOL,
                daemon.token(),
                "run",
                "relative/dir",
                "0",
                "0022",
                "0",
                "1",
                "--version"))
            .line());
    assertEquals(
        "denied",
        send(List.of(Daemon.PROTOCOL, daemon.token(), "run", project.toString(), "0", "0022", "x"))
            .line());
    assertEquals(
        "denied",
        send(List.of(
                Daemon.PROTOCOL,
                daemon.token(),
                "run",
                project.toString(),
                "0",
                "0022",
                "1",
                "no-equals-sign",
                "0"))
            .line());
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
      // no NUL and the connection left open: only a bounded first field gets an answer at once
      s.getOutputStream().write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout(5_000);
      assertEquals(
          "denied\n", new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals("denied", send(List.of(Daemon.PROTOCOL, daemon.token(), "format-disk")).line());
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
      s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.shutdownOutput(); // EOF before a full request
      assertEquals(
          "denied\n", new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(request("ping").line().startsWith("pong "));
    assertSameAsDirect(project, "scan", "k8s");
  }

  @Test
  void aCallerThatGoesAwayGetsNoOutputFileWritten() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      many.append(NODEPORT.replace("name: web,", "name: web" + i + ",")).append("---\n");
    }
    write("big/services.yaml", many.toString());
    daemon.limits(600_000, 120_000, 0); // the scan may end by itself (here: no exit)
    try (Socket s = startRun(project, "scan", "-f", "sarif", "--output=report.sarif", "big")) {
      Thread.sleep(100);
    } // interrupted: gone before the scan ends
    long until = System.currentTimeMillis() + 60_000;
    while (daemon.runs() > 0) {
      assertTrue(System.currentTimeMillis() < until, "the scan did not end");
      Thread.sleep(20);
    }
    assertFalse(Files.exists(project.resolve("report.sarif")), "a cancelled run writes no report");
    assertEquals(
        0,
        run(
                project,
                Map.of(),
                "scan",
                "--fail-on",
                "none",
                "-f",
                "sarif",
                "--output=report.sarif",
                "k8s")
            .code());
    assertTrue(
        Files.exists(project.resolve("report.sarif")), "a caller that stays gets its report");
  }

  /** A run that waits (interruptibly) up to a minute, and tells when it was interrupted. */
  private static final class SlowRunner implements Daemon.Runner {
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    final CompletableFuture<Long> interruptedAt = new CompletableFuture<>();

    @Override
    public int run(
        Daemon.Request r,
        PrintStream out,
        PrintStream err,
        java.util.function.BooleanSupplier cancelled) {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interruptedAt.complete(System.currentTimeMillis());
      }
      return 0;
    }
  }

  @Test
  void aCallerThatGoesAwayCancelsItsRun() throws Exception {
    SlowRunner slow = new SlowRunner();
    daemon.runner(slow);
    long closed;
    try (Socket s = startRun(project, "scan", "k8s")) {
      assertTrue(slow.started.await(30, TimeUnit.SECONDS));
      closed = System.currentTimeMillis();
    }
    long at = slow.interruptedAt.get(10, TimeUnit.SECONDS);
    assertTrue(at - closed < 3_000, "interrupted " + (at - closed) + " ms after the caller left");
    daemon.runner(null);
    assertTrue(request("ping").line().startsWith("pong "), "and serves on");
  }

  @Test
  void aRunPastItsDeadlineIsCancelledAndItsCallerRunsTheJvmItself() throws Exception {
    SlowRunner slow = new SlowRunner();
    daemon.limits(1_000, 10_000, 0).runner(slow);
    long t0 = System.currentTimeMillis();
    try (Socket s = startRun(project, "scan", "k8s")) {
      assertEquals("cancelled", readLine(s.getInputStream()));
    }
    assertTrue(slow.interruptedAt.isDone());
    assertTrue(System.currentTimeMillis() - t0 < 10_000);
    daemon.runner(null);
    assertEquals(0, run(project, Map.of(), "--version").code(), "and serves on");
  }

  @Test
  void aCancelledRunThatDoesNotEndMakesTheDaemonExit() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean release =
        new java.util.concurrent.atomic.AtomicBoolean();
    daemon
        .limits(500, 500, 0)
        .runner(
            (r, out, err, cancelled) -> {
              while (!release.get()) {
                Thread.onSpinWait(); // ignores interruption: stuck
              }
              return 0;
            });
    try (Socket s = startRun(project, "scan", "k8s")) {
      // main() then ends the process, and with it the stuck run and its connection
      assertEquals(1, serving.get(30, TimeUnit.SECONDS), "the daemon gave up and exits");
      assertFalse(Files.exists(state.resolve("info")), "no new request reaches it");
    } finally {
      release.set(true);
    }
  }

  @Test
  void exitsWhenItsResidentMemoryIsAboveItsLimitAfterARequest() throws Exception {
    daemon.limits(60_000, 5_000, 1L << 20);
    assertEquals(0, run(project, Map.of(), "--version").code());
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
    assertTrue(Daemon.residentBytes() > 1L << 20, "measured from /proc/self/status");
  }

  private long served() throws IOException {
    return Long.parseLong(request("ping").line().split(" ")[2]);
  }

  @Test
  void declinesCallersWhoseJvmWouldDiffer() throws Exception {
    assertEquals("mismatch", runAs("0077", project, Map.of(), "--version").line(), "another umask");
    assertEquals(
        "mismatch",
        runAs("0022", project, Map.of("LANG", "C"), "--version").line(),
        "another locale");
    assertEquals(
        "mismatch",
        runAs("0022", project, Map.of("EKSNET_JAVA", "/opt/jdk/bin/java"), "--version").line(),
        "another JVM");
    assertEquals(
        "mismatch",
        runAs("0022", project, Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"), "--version").line(),
        "other JVM options");
    assertEquals(
        "mismatch",
        runAs("0022", project, Map.of("_JAVA_OPTIONS", "-Dfile.encoding=latin1"), "--version")
            .line(),
        "other JVM options");
    assertEquals(0, run(project, Map.of(), "--version").code());
  }

  @Test
  void refusesAStateDirectoryOthersCanRead() throws Exception {
    Path open = Files.createDirectory(tmp.resolve("open"));
    Files.setPosixFilePermissions(
        open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(1, new Daemon(open, jar, 60_000, 200, IDENTITY).serve(null));
    assertFalse(Files.exists(open.resolve("info")), "no token written where others can read it");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), state);
    assertTrue(Daemon.unsafeStateDir(link) != null, "a symbolic link is not a private directory");
    assertEquals(null, Daemon.unsafeStateDir(state));
  }

  @Test
  void infoFileIsPrivateAndGoesWithTheDaemon() throws Exception {
    Path info = state.resolve("info");
    assertEquals(
        java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(info));
    String[] parts = Files.readString(info).trim().split(" ");
    assertEquals(String.valueOf(daemon.port()), parts[0]);
    assertEquals(daemon.token(), parts[1]);
    assertEquals("stopping", request("stop").line());
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(info));
  }

  @Test
  void servesConcurrentRequests() throws Exception {
    Answer expected = direct(project, Map.of(), "scan", "--format", "sarif", "k8s");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        answers.add(pool.submit(() -> run(project, Map.of(), "scan", "--format", "sarif", "k8s")));
      }
      for (Future<Answer> f : answers) {
        Answer a = f.get(120, TimeUnit.SECONDS);
        assertEquals(expected.code(), a.code());
        assertEquals(expected.out(), a.out());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exitsWhenItsJarChanges() throws Exception {
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(state.resolve("info")));
  }

  @Test
  void exitsWhenItsInfoFileIsRemoved() throws Exception {
    Files.delete(state.resolve("info"));
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
  }

  @Test
  void exitsWhenIdle() throws Exception {
    request("stop");
    serving.get(30, TimeUnit.SECONDS);
    daemon = startDaemon(1_500);
    assertTrue(request("ping").line().startsWith("pong"));
    assertEquals(0, serving.get(30, TimeUnit.SECONDS));
  }

  @Test
  void aSecondDaemonForTheSameDirectoryLeavesTheFirstAlone() throws Exception {
    Daemon second = new Daemon(state, jar, 60_000, 200, IDENTITY);
    assertEquals(0, second.serve(null));
    assertTrue(request("ping").line().startsWith("pong "), "the first daemon still serves");
    assertEquals(daemon.token(), Files.readString(state.resolve("info")).trim().split(" ")[1]);
  }
}
