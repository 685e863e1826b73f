package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./eksnet} launcher with its daemon, end to end: a copy of the launcher next to the
 * packaged jar and the bundled example in a temporary directory (so the launcher finds nothing to
 * rebuild), run the way a user or pre-commit runs it.
 *
 * <p>The first run starts a daemon and must still end at once (the daemon must not hold the
 * caller's pipes); the next runs are answered by the daemon (its count of served commands goes up)
 * with the same output and exit code as without it.
 */
class LauncherDaemonIT {

  @TempDir Path tmp;

  private Path home;
  private Path launcher;
  private Map<String, String> env;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    Path project = Path.of(System.getProperty("eksnet.projectDir", ".")).toAbsolutePath();
    Path jar =
        Path.of(System.getProperty("eksnet.cliJar", "target/eksnet-cli.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is built by `package`, before this test");
    home = tmp.resolve("eksnet");
    Files.createDirectories(home.resolve("target"));
    launcher = home.resolve("eksnet");
    Files.copy(project.resolve("eksnet"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(jar, home.resolve("target/eksnet-cli.jar"));
    copyTree(project.resolve("examples/shop"), home.resolve("examples/shop"));
    env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("EKSNET_DAEMON", "1");
    env.put("EKSNET_DAEMON_IDLE", "120");
    env.put("JAVA_HOME", System.getProperty("java.home"));
  }

  @AfterEach
  void stopDaemon() throws Exception {
    if (launcher != null && Files.exists(home.resolve("target/daemon/info"))) {
      run(home, Map.of(), "daemon", "stop");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private Run run(Path dir, Map<String, String> extraEnv, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(List.of(args));
    return exec(dir, extraEnv, cmd);
  }

  /** A bash script with {@code $L} the launcher, for what a ProcessBuilder cannot set up. */
  private Run script(Path dir, Map<String, String> extraEnv, String script) throws Exception {
    Map<String, String> e = new HashMap<>(extraEnv);
    e.put("L", launcher.toString());
    return exec(dir, e, List.of("bash", "-c", script));
  }

  private Run exec(Path dir, Map<String, String> extraEnv, List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not end: " + cmd);
    // the launcher has ended: its output must end too, unless a background process kept it open
    try {
      return new Run(p.exitValue(), out.get(20, TimeUnit.SECONDS), err.get(20, TimeUnit.SECONDS));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "the launcher ended but its output stayed open (the daemon holds it?): " + cmd);
    }
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void awaitDaemon() throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while (!Files.exists(home.resolve("target/daemon/info"))) {
      assertTrue(System.currentTimeMillis() < until, "no daemon started; log:\n" + log());
      Thread.sleep(50);
    }
  }

  /** How many commands the daemon has answered, from {@code eksnet daemon status}. */
  private long served() throws Exception {
    Run status = run(home, Map.of(), "daemon", "status");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) commands served").matcher(status.out());
    assertTrue(m.find(), status.out());
    return Long.parseLong(m.group(1));
  }

  private String log() throws IOException {
    Path log = home.resolve("target/daemon/log");
    return Files.exists(log) ? Files.readString(log) : "(no log)";
  }

  @Test
  void laterRunsAreAnsweredByTheDaemonWithTheSameResult() throws Exception {
    Run direct = run(home, Map.of("EKSNET_DAEMON", "0"), "scan", "examples/shop");
    assertEquals(1, direct.code(), direct.err());
    assertFalse(
        Files.exists(home.resolve("target/daemon/info")), "EKSNET_DAEMON=0 starts no daemon");

    Run first = run(home, Map.of(), "scan", "examples/shop");
    assertEquals(direct.code(), first.code());
    assertEquals(direct.out(), first.out());
    assertTrue(first.err().startsWith(direct.err()), first.err());
    assertTrue(
        first
            .err()
            .substring(direct.err().length())
            .matches(
                "note: started the eksnet daemon \\(pid \\d+, idle timeout 120 s\\); EKSNET_DAEMON=0"
                    + " or 'eksnet daemon stop' to stop it\n"),
        "the start is announced, in one line: " + first.err());
    awaitDaemon();
    assertEquals(
        pid(),
        first.err().replaceAll("(?s).*\\(pid (\\d+),.*", "$1"),
        "the announced pid is the daemon's");

    Map<String, String> viaDaemon = Map.of();
    long before = served();
    Run served = run(home, viaDaemon, "scan", "examples/shop");
    assertEquals(direct, served, "daemon log:\n" + log());
    assertEquals(before + 1, served(), "the daemon answered");

    Path sub = home.resolve("examples");
    assertEquals(
        run(sub, Map.of("EKSNET_DAEMON", "0"), "scan", "--format", "json", "shop/storefront.yaml"),
        run(sub, viaDaemon, "scan", "--format", "json", "shop/storefront.yaml"));
    assertEquals(
        run(sub, Map.of("EKSNET_DAEMON", "0"), "scan", "no/such/dir"),
        run(sub, viaDaemon, "scan", "no/such/dir"));
    assertEquals(before + 3, served(), "the daemon answered");

    Run status = run(home, Map.of(), "daemon", "status");
    assertTrue(status.out().startsWith("eksnet daemon: running"), status.out());
    Run stop = run(home, Map.of(), "daemon", "stop");
    assertEquals("eksnet daemon: stopped\n", stop.out());
    assertFalse(Files.exists(home.resolve("target/daemon/info")));
    assertEquals("eksnet daemon: not running\n", run(home, Map.of(), "daemon", "status").out());
  }

  @Test
  void theDaemonRunsWhereTheCallerReallyIsAndLetsGoOfItsFiles() throws Exception {
    Path real = home.resolve("examples/shop");
    Path link = Files.createSymbolicLink(tmp.resolve("shop-link"), real);
    Run direct =
        script(
            tmp, Map.of("EKSNET_DAEMON", "0"), "cd shop-link && bash \"$L\" scan --format json ..");
    assertEquals(1, direct.code(), direct.err());
    // the run that starts the daemon, with an extra descriptor on a pipe that $(...) waits on
    Run first =
        script(
            tmp, Map.of(), "out=$(bash \"$L\" --version 5>&1 >/dev/null 2>&1); echo \"finished\"");
    assertEquals("finished\n", first.out());
    awaitDaemon();
    long before = served();
    Run served = script(tmp, Map.of(), "cd shop-link && bash \"$L\" scan --format json ..");
    assertEquals(
        direct,
        served,
        "from a symbolic link, '..' is the link target's parent, as for a direct run");
    assertEquals(before + 1, served(), "the daemon answered");
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aCallerWithAnotherUmaskOrLocaleGetsTheJvmItWouldHaveHad() throws Exception {
    run(home, Map.of(), "--version");
    awaitDaemon();
    String pid = pid();
    Run strict =
        script(
            home,
            Map.of(),
            "umask 077 && bash \"$L\" scan --fail-on none -f sarif -o private.sarif examples/shop");
    assertEquals(0, strict.code(), strict.err());
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(home.resolve("private.sarif")));
    Run c = run(home, Map.of("LANG", "C"), "scan", "examples/shop");
    assertEquals(run(home, Map.of("LANG", "C", "EKSNET_DAEMON", "0"), "scan", "examples/shop"), c);
    assertEquals(pid, pid(), "the daemon is left alone (no second daemon tried)");
  }

  private String pid() throws IOException {
    return Files.readString(home.resolve("target/daemon/info")).trim().split(" ")[2];
  }

  /**
   * Under the C locale (no LANG, as in many containers) Java cannot turn a non-ASCII argument into
   * a file name; the launcher runs it under C.UTF-8 where the system has that locale, so a staged
   * café.yaml is scanned, with the daemon and without.
   */
  @Test
  void aNonAsciiFileNamedUnderTheCLocaleIsScanned() throws Exception {
    Assumptions.assumeTrue(
        exec(home, Map.of(), List.of("sh", "-c", "locale -a | grep -qix 'c\\.utf-\\{0,1\\}8'"))
                .code()
            == 0,
        "no C.UTF-8 locale on this system");
    String copy =
        "cp examples/shop/admin.yaml \"$(printf 'caf\\303\\251').yaml\" && exec bash \"$L\" scan"
            + " \"$(printf 'caf\\303\\251').yaml\"";
    for (String daemon : List.of("0", "1", "1")) {
      Run r = script(home, Map.of("LC_ALL", "C", "EKSNET_DAEMON", daemon), copy);
      assertEquals(0, r.code(), r.err()); // one MEDIUM finding, under the default fail-on high
      assertTrue(r.out().contains("café.yaml:30:3: MEDIUM EKS-SVC-001"), r.out());
    }
  }

  @Test
  void theDaemonIsOffUnlessTheEnvironmentAsksForIt() throws Exception {
    env.remove("EKSNET_DAEMON");
    for (Map<String, String> e :
        List.of(
            Map.<String, String>of(),
            Map.of("CI", "true"),
            Map.of("EKSNET_DAEMON", "auto"),
            Map.of("EKSNET_DAEMON", ""))) {
      Run r = run(home, e, "scan", "--fail-on", "none", "examples/shop");
      assertEquals(0, r.code(), r.err());
      assertFalse(r.err().contains("daemon"), r.err());
    }
    Thread.sleep(1_000);
    assertFalse(Files.exists(home.resolve("target/daemon")), "a run started a daemon");
    assertEquals("eksnet daemon: not running\n", run(home, Map.of(), "daemon", "status").out());
  }

  /**
   * A plain run (no daemon) of a scan with findings writes them to stdout and nothing to stderr,
   * with the test's JDK and with every JDK 25+ the launcher could pick on this machine: the class
   * archive it trains on the first run must not make the JVM talk on later ones.
   */
  @Test
  void aPlainRunSaysNothingOnStderrWhicheverJdkRunsIt() throws Exception {
    env.remove("EKSNET_DAEMON");
    List<String> javas = new java.util.ArrayList<>();
    javas.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        s.filter(d -> d.getFileName().toString().matches(".*-(2[5-9]|[3-9][0-9])(\\D.*)?"))
            .map(d -> d.resolve("bin/java"))
            .filter(Files::isExecutable)
            .forEach(j -> javas.add(j.toString()));
      }
    }
    for (String java : javas) {
      for (int i = 0; i < 2; i++) { // the first run trains the archive, the second uses it
        Run r = run(home, Map.of("EKSNET_JAVA", java), "scan", "examples/shop");
        assertEquals(1, r.code(), java + ": " + r.err());
        assertTrue(r.out().contains("EKS-LB-002"), java + ": " + r.out());
        assertEquals("", r.err(), java + " run " + (i + 1));
      }
    }
  }

  /**
   * The class archive the launcher trains holds the classes of every report format, not only the
   * text report's: a SARIF run and a JSON run with it load none of eksnet's report classes, nor the
   * JSON and SARIF libraries', from the jar (the archive must be usable: -Xshare:on or
   * -XX:AOTMode=on make the JVM fail otherwise).
   */
  @Test
  void theTrainedArchiveHoldsEveryReportFormatsClasses() throws Exception {
    env.remove("EKSNET_DAEMON");
    Run first = run(home, Map.of(), "scan", "--quiet", "examples/shop"); // trains the archive
    assertEquals(1, first.code(), first.err());
    int major = Runtime.version().feature();
    Path archive = home.resolve("target/eksnet-cli-" + major + (major >= 25 ? ".aot" : ".jsa"));
    assertTrue(Files.isRegularFile(archive), archive + " was not trained");
    Path jar;
    try (Stream<Path> s = Files.list(home.resolve("target/run"))) {
      jar = s.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> use =
        major >= 25
            ? List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on")
            : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
    for (String format : List.of("sarif", "json")) {
      List<String> cmd = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
      cmd.addAll(use);
      cmd.addAll(
          List.of(
              "-Xlog:class+load=info:stderr",
              "-jar",
              jar.toString(),
              "scan",
              "--fail-on",
              "none",
              "--format",
              format,
              "examples/shop"));
      Run r = exec(home, Map.of(), cmd);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("EKS-LB-002"), r.out());
      List<String> fromJar =
          r.err()
              .lines()
              .filter(l -> l.contains("source: file:") || l.contains("source: jar:"))
              .filter(
                  l ->
                      l.contains(" io.eksnet.report.")
                          || l.contains(" com.fasterxml.jackson.")
                          || l.contains(" com.contrastsecurity."))
              .filter(l -> !l.contains("AtomicFile")) // only for --output, which training has not
              .toList();
      assertTrue(
          fromJar.isEmpty(),
          format
              + ": "
              + fromJar.size()
              + " classes loaded from the jar, not the archive, e.g. "
              + fromJar.subList(0, Math.min(3, fromJar.size())));
    }
  }

  /** A process that reads everything sent to a port and never answers (or answers garbage). */
  private static final class FakeListener implements AutoCloseable {
    final java.net.ServerSocket server;
    final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
    final Thread thread;

    FakeListener(int port, String answer) throws IOException {
      server = new java.net.ServerSocket();
      server.setReuseAddress(true);
      // the previous listener's connections may hold the port for a moment
      long until = System.currentTimeMillis() + 20_000;
      while (true) {
        try {
          server.bind(
              new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
          break;
        } catch (java.net.BindException e) {
          if (System.currentTimeMillis() > until) {
            throw e;
          }
          try {
            Thread.sleep(100);
          } catch (InterruptedException ie) {
            throw new IOException(ie);
          }
        }
      }
      thread =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (java.net.Socket c = server.accept()) {
                    if (answer != null) {
                      c.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    }
                    byte[] b = new byte[4096];
                    for (int n; (n = c.getInputStream().read(b)) >= 0; ) {
                      synchronized (received) {
                        received.write(b, 0, n);
                      }
                    }
                  } catch (IOException e) {
                    // next
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    String received() {
      synchronized (received) {
        return received.toString(StandardCharsets.ISO_8859_1);
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  @Test
  void aProcessOnADeadDaemonsPortGetsNothingAndHoldsNothingUp() throws Exception {
    long t0 = System.currentTimeMillis();
    Run direct = run(home, Map.of("EKSNET_DAEMON", "0"), "scan", "examples/shop");
    long directMs = System.currentTimeMillis() - t0;
    run(home, Map.of(), "--version");
    awaitDaemon();
    Path info = home.resolve("target/daemon/info");
    String[] fields = Files.readString(info).trim().split(" ", 4);
    int port = Integer.parseInt(fields[0]);
    String token = fields[1];
    ProcessHandle daemon = ProcessHandle.of(Long.parseLong(fields[2])).orElseThrow();
    daemon.destroyForcibly(); // kill -9: the info file stays behind
    daemon.onExit().get(30, TimeUnit.SECONDS);
    assertTrue(Files.exists(info));
    // a process that looks like the daemon (where the launcher checks the pid), for the case where
    // the check of the pid is not enough (reused, or no /proc)
    Process lookalike =
        new ProcessBuilder("bash", "-c", "exec -a io.eksnet.cli.Daemon sleep 120").start();
    try {
      String hijacked = fields[0] + " " + token + " " + lookalike.pid() + " " + fields[3] + "\n";
      for (String answer :
          new String[] {null, "hello " + "0".repeat(64) + " " + "1".repeat(32) + " 600\n"}) {
        try (FakeListener fake = new FakeListener(port, answer)) {
          Files.writeString(info, hijacked);
          t0 = System.currentTimeMillis();
          Run r = run(home, Map.of(), "scan", "examples/shop");
          long ms = System.currentTimeMillis() - t0;
          assertEquals(direct, r, "a direct run, and no second daemon next to the live pid");
          assertTrue(ms < directMs + 5_000, ms + " ms, a direct run takes " + directMs + " ms");
          String got = fake.received();
          assertTrue(
              got.matches("eksnet-daemon/3\0[0-9a-f]{32}\0"),
              "only the protocol and a nonce went out: " + got);
          assertFalse(
              got.contains(token) || got.contains("examples") || got.contains(home.toString()));
        }
      }
    } finally {
      lookalike.destroyForcibly();
    }
    // the real case: the pid in the info file is dead; nothing is even sent
    try (FakeListener fake = new FakeListener(port, null)) {
      Files.writeString(info, String.join(" ", fields) + "\n");
      Run r = run(home, Map.of(), "scan", "examples/shop");
      assertEquals(direct.out(), r.out());
      assertEquals(direct.code(), r.code());
      assertTrue(r.err().contains("note: started the eksnet daemon"), r.err());
      assertEquals("", fake.received());
    }
    long until = System.currentTimeMillis() + 60_000;
    while (pid().equals(fields[2])) { // the new daemon, for stopDaemon()
      assertTrue(System.currentTimeMillis() < until, "no new daemon; log:\n" + log());
      Thread.sleep(50);
    }
  }

  @Test
  void jvmOptionsInTheEnvironmentMeanADirectRun() throws Exception {
    run(home, Map.of(), "--version");
    awaitDaemon();
    long before = served();
    for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      Run r = run(home, Map.of(v, "-Dx=y"), "scan", "examples/shop");
      assertTrue(r.err().contains("Picked up " + v), r.err());
      assertEquals(run(home, Map.of(v, "-Dx=y", "EKSNET_DAEMON", "0"), "scan", "examples/shop"), r);
    }
    assertEquals(before, served(), "the daemon answered none of them");
  }

  @Test
  void aRunNeverSeesAHalfWrittenJar() throws Exception {
    Path target = home.resolve("target/eksnet-cli.jar");
    byte[] whole = Files.readAllBytes(target);
    Thread.sleep(20);
    Files.write(target, java.util.Arrays.copyOf(whole, whole.length / 2)); // a build, half-way
    ProcessBuilder pb =
        new ProcessBuilder("bash", launcher.toString(), "--version").directory(home.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("EKSNET_DAEMON", "0");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    assertFalse(p.waitFor(2, TimeUnit.SECONDS), "the launcher waits for the build");
    try (java.io.OutputStream o =
        Files.newOutputStream(target)) { // written in place, as shade does
      o.write(whole, 0, whole.length / 2);
      o.flush();
      Thread.sleep(600);
      o.write(whole, whole.length / 2, whole.length - whole.length / 2);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String o = out.get(10, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), o);
    assertTrue(o.contains("waiting for " + target + " to be written completely"), o);
    assertTrue(o.lines().anyMatch(l -> l.matches("eksnet [0-9].*")), o);
  }

  @Test
  void aCallerThatGoesAwayCancelsItsRunInTheDaemon() throws Exception {
    run(home, Map.of(), "--version");
    awaitDaemon();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      many.append("apiVersion: v1\nkind: Service\nmetadata: {name: s")
          .append(i)
          .append(
              ", namespace: shop}\nspec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}\n---\n");
    }
    Files.createDirectories(home.resolve("big"));
    Files.writeString(home.resolve("big/services.yaml"), many.toString());
    ProcessBuilder pb =
        new ProcessBuilder("bash", launcher.toString(), "scan", "-o", "big.sarif", "big")
            .directory(home.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    long until = System.currentTimeMillis() + 60_000;
    while (!log().contains("cancelling") && !hasRunFiles()) {
      assertTrue(System.currentTimeMillis() < until, "the run did not reach the daemon");
      Thread.sleep(20);
    }
    p.destroy(); // SIGTERM: the launcher goes, and its connection with it
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    until = System.currentTimeMillis() + 20_000;
    while (!log().contains("cancelling a run: the client went away")) {
      assertTrue(System.currentTimeMillis() < until, "not cancelled; log:\n" + log());
      Thread.sleep(50);
    }
    // it ends: interrupted, or (a scan that does not look at interruption) with the daemon
    until = System.currentTimeMillis() + 20_000;
    while (!log().contains("cancelled run ended") && !log().contains("did not end within")) {
      assertTrue(System.currentTimeMillis() < until, "the run goes on; log:\n" + log());
      Thread.sleep(50);
    }
    assertFalse(Files.exists(home.resolve("big.sarif")), "a cancelled run writes no report");
  }

  private boolean hasRunFiles() throws IOException {
    try (Stream<Path> s = Files.list(home.resolve("target/daemon"))) {
      return s.anyMatch(f -> f.getFileName().toString().endsWith(".out"));
    }
  }

  @Test
  void aRebuiltJarIsNeverServedByTheOldDaemon() throws Exception {
    run(home, Map.of(), "--version");
    awaitDaemon();
    Path info = home.resolve("target/daemon/info");
    String before = Files.readString(info);
    // a newer jar: the launcher must not use the daemon of the old one, and that daemon goes away
    Thread.sleep(50);
    Files.setLastModifiedTime(
        home.resolve("target/eksnet-cli.jar"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    Run r = run(home, Map.of(), "--version");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("eksnet "), r.out());
    long until = System.currentTimeMillis() + 60_000;
    while (!Files.exists(info) || Files.readString(info).equals(before)) {
      assertTrue(
          System.currentTimeMillis() < until, "the old daemon was not replaced; log:\n" + log());
      Thread.sleep(100);
    }
    String log = log();
    assertTrue(
        log.contains("changed; exiting"), "daemon log:\n" + log + "\ninfo before: " + before);
    assertTrue(run(home, Map.of(), "daemon", "status").out().startsWith("eksnet daemon: running"));
  }

  @Test
  void standardInputAndPipesAreReadWithAndWithoutTheDaemon() throws Exception {
    Map<String, String> off = Map.of("EKSNET_DAEMON", "0");
    String stdin = "bash \"$L\" scan --fail-on medium - < examples/shop/storefront.yaml";
    String pipe = "bash \"$L\" scan --fail-on medium <(cat examples/shop/storefront.yaml)";
    Run direct = script(home, off, stdin);
    assertEquals(1, direct.code(), direct.err());
    assertTrue(direct.out().startsWith("/dev/stdin:85:5: LOW EKS-LB-006"), direct.out());
    assertTrue(direct.out().endsWith("2 findings (1 high, 1 low) in 1 file\n"));
    Run directPipe = script(home, off, pipe);
    assertEquals(1, directPipe.code(), directPipe.err());
    assertTrue(directPipe.out().matches("(?s)/dev/fd/\\d+:85:5: LOW EKS-LB-006.*"));

    run(home, Map.of(), "scan", "examples/shop"); // starts the daemon
    awaitDaemon();
    long before = served();
    assertEquals(direct, script(home, Map.of(), stdin), "daemon log:\n" + log());
    assertEquals(directPipe, script(home, Map.of(), pipe));
    assertEquals(before, served(), "the caller's streams are read by a JVM of the caller's own");

    Run usage = run(home, Map.of(), "daemon");
    assertEquals(0, usage.code(), usage.err());
    assertTrue(usage.out().startsWith("Usage: eksnet daemon status|stop"), usage.out());
  }
}
