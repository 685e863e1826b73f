package io.eksnet.scan;

import static io.eksnet.model.Tree.ScalarType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.cli.Main;
import io.eksnet.finding.Finding;
import io.eksnet.finding.FindingCaps;
import io.eksnet.fuzz.HostileShapes;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Tree;
import io.eksnet.report.JsonReport;
import io.eksnet.report.ReportOptions;
import io.eksnet.report.SarifReport;
import io.eksnet.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: inputs built to make a step quadratic or exponential, or to hide a file. Every input is
 * generated; each scan sits beside a good file whose finding must still be reported, and must end
 * within a small budget. CI sizes are small; {@code -Deksnet.hostile.scale=N} multiplies them (e.g.
 * {@code 10} for the sizes of the issue).
 */
class HostileInputTest {

  /** Multiplies the generated sizes; 1 in CI. */
  static final int SCALE = Integer.getInteger("eksnet.hostile.scale", 1);

  static final String GOOD =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: good
        namespace: good
        annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}
      spec:
        type: LoadBalancer
        ports: [{port: 80}]
      """;

  @TempDir Path dir;

  /** Scans {@code dir} (with good.yaml added), asserting the good finding and the time budget. */
  ScanResult scan(long budgetMs) throws IOException {
    Files.writeString(dir.resolve("good.yaml"), GOOD);
    long t0 = System.nanoTime();
    ScanResult r = new Scanner().scan(ScanRequest.of(dir, List.of(dir)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(
        "HostileInputTest: scan took " + ms + " ms (" + r.timings() + ")"); // measured in the issue
    assertTrue(ms < budgetMs, "scan took " + ms + " ms, budget " + budgetMs + " ms");
    assertTrue(
        r.findings().stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("EKS-SVC-001")
                        && f.location().file().equals("good.yaml")
                        && f.location().line() == 8),
        "the good file's finding is lost: " + r.findings() + " " + r.problems());
    return r;
  }

  static List<String> problems(ScanResult r) {
    return r.problems().stream().map(InputProblem::toString).toList();
  }

  static long count(ScanResult r, String rule) {
    return r.findings().stream().map(Finding::ruleId).filter(rule::equals).count();
  }

  @Test
  void wideMapIsBuiltInLinearTime() {
    int n = 100_000 * SCALE; // quadratic: 5 * 10^9 key comparisons, minutes
    List<Tree.Entry> entries = new ArrayList<>(n + 1);
    for (int i = 0; i < n; i++) {
      entries.add(new Tree.Entry("k" + i, i + 1, 1, new Tree.TScalar(i + 1, 5, "v", STRING)));
    }
    entries.add(new Tree.Entry("k7", n + 1, 1, new Tree.TScalar(n + 1, 5, "last", STRING)));
    long t0 = System.nanoTime();
    Tree.TMap m = new Tree.TMap(1, 1, entries);
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000L * SCALE, "CompactMap.of too slow");
    assertEquals(n, m.entries().size());
    assertEquals("last", Tree.text(m.get("k7"))); // the later duplicate wins, in place
    assertEquals("k7", new ArrayList<>(m.entries().keySet()).get(7));
    assertEquals("k" + (n - 1), new ArrayList<>(m.entries().keySet()).get(n - 1));
    assertEquals(null, m.get("absent"));
  }

  @Test
  void configMapWithManyKeysLoadsInLinearTime() throws IOException {
    int keys = 10_000 * SCALE;
    StringBuilder sb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\ndata:\n");
    for (int i = 0; i < keys; i++) {
      sb.append("  k").append(i).append(": v\n");
    }
    sb.append("  k0: last\n"); // a duplicate key: reported, the later value wins
    Files.writeString(dir.resolve("wide.yaml"), sb);
    ScanResult r = scan(30_000L * SCALE);
    assertEquals(1, r.problems().size(), problems(r).toString());
  }

  /**
   * 16 nested modules, each output using the nested module's output three times: resolving the node
   * group's unknown subnet_ids walked 3^16 paths before outputs were memoised.
   */
  @Test
  void moduleOutputFanOutIsResolvedOnce() throws IOException {
    String plan = HostileShapes.moduleOutputFanOut(16 * SCALE);
    Files.writeString(dir.resolve("plan.json"), plan);
    ScanResult r = scan(30_000);
    assertEquals(List.of(), problems(r));
    assertTrue(r.files().contains("plan.json"), r.files().toString());
  }

  @Test
  void findingsOfOneRuleAreCappedPerFileAndTheCutIsShown() throws IOException {
    int n = 400 * SCALE;
    Files.writeString(dir.resolve("a.json"), HostileShapes.sameCidrPlan(n));
    Files.writeString(dir.resolve("b.json"), HostileShapes.sameCidrPlan(10));
    ScanResult r = scan(30_000L * SCALE);
    assertEquals(List.of(), problems(r));
    long inA =
        r.findings().stream()
            .filter(f -> f.ruleId().equals("EKS-VPC-001") && f.location().file().equals("a.json"))
            .count();
    assertEquals(FindingCaps.PER_FILE, inA);
    assertEquals(FindingCaps.PER_FILE + 9, count(r, "EKS-VPC-001")); // b.json: all 9 kept
    // each later subnet overlaps the first once: n - 1 findings, not n(n-1)/2
    assertEquals(
        List.of(new FindingCaps.Truncation("EKS-VPC-001", "a.json", 50, n - 1 - 50, 0)),
        r.truncated());
    String note = r.truncated().get(0).note();
    assertTrue(note.contains("more EKS-VPC-001 findings in a.json not shown"), note);
    ReportOptions opts = ReportOptions.defaults();
    assertTrue(TextReport.render(r, opts).contains(note), "text report lacks the cut");
    String json = JsonReport.render(r, opts);
    assertTrue(
        json.matches("(?s).*\"notShown\" ?: " + (n - 51) + "\\b.*"), "JSON lacks it: " + json);
    var inv =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(SarifReport.render(r, opts))
            .path("runs")
            .path(0)
            .path("invocations")
            .path(0);
    assertTrue(inv.path("executionSuccessful").asBoolean(), "a cut is not a failure");
    var notification = inv.path("toolExecutionNotifications").path(0);
    assertEquals(note, notification.path("message").path("text").asText(), inv.toString());
    assertEquals("note", notification.path("level").asText());
    assertEquals("EKS-VPC-001", notification.path("associatedRule").path("id").asText());
  }

  @Test
  void findingCapsKeepEveryRuleAndFileAndCountTheRest() {
    List<Finding> in = new ArrayList<>();
    for (int file = 0; file < 30; file++) {
      for (int i = 0; i < 60; i++) {
        in.add(
            new Finding(
                "EKS-X-001",
                io.eksnet.finding.Severity.HIGH,
                "m" + i,
                new io.eksnet.model.Location("f" + (100 + file), i + 1, 1, "", ""),
                List.of(),
                i == 0 ? "ok" : null));
      }
    }
    FindingCaps.Capped c = FindingCaps.apply(in, f -> false);
    assertEquals(FindingCaps.PER_RULE, c.findings().size());
    assertTrue(c.findings().stream().noneMatch(Finding::isSuppressed), "suppressed kept first");
    int omitted = c.truncations().stream().mapToInt(FindingCaps.Truncation::omitted).sum();
    int omittedSuppressed =
        c.truncations().stream().mapToInt(FindingCaps.Truncation::omittedSuppressed).sum();
    assertEquals(30 * 59 - FindingCaps.PER_RULE, omitted);
    assertEquals(30, omittedSuppressed);
    assertEquals(30, c.truncations().size());
  }

  /** An exclude with many stars and a long file name: Java's glob regex backtracked for minutes. */
  @Test
  void globsWithManyStarsMatchInLinearTime() throws IOException {
    String star = "*a".repeat(30) + "*b";
    Files.writeString(
        dir.resolve(".eksnet.yaml"),
        "exclude: ['"
            + star
            + "']\nignore:\n  - {rule: EKS-SVC-002, path: '"
            + star
            + "', reason: r}\n");
    Files.writeString(dir.resolve("a".repeat(200) + ".yaml"), GOOD.replace("good", "long"));
    ScanResult r = scan(30_000);
    assertTrue(
        r.findings().stream().anyMatch(f -> f.location().file().startsWith("aaaa")),
        "the long-named file was scanned");
  }

  /** A manifest with one leading NUL byte (even length) was read as UTF-16 and skipped silently. */
  @Test
  void leadingNulIsReportedNotHidden() throws IOException {
    byte[] text = GOOD.replace("good", "nul").getBytes(StandardCharsets.UTF_8);
    int len = text.length + 1 + ((text.length + 1) % 2);
    byte[] bytes = Arrays.copyOf(new byte[] {0}, len);
    System.arraycopy(text, 0, bytes, 1, text.length);
    if (bytes[len - 1] == 0) {
      bytes[len - 1] = '\n';
    }
    Files.write(dir.resolve("nul.yaml"), bytes);
    ScanResult r = scan(30_000);
    assertTrue(
        r.problems().stream().anyMatch(p -> p.location().file().equals("nul.yaml")),
        "nul.yaml is neither read nor reported: " + problems(r));
  }

  /** A UTF-16 file without BOM is still read. */
  @Test
  void bomLessUtf16IsStillRead() throws IOException {
    Files.write(
        dir.resolve("le.yaml"), GOOD.replace("good", "le").getBytes(StandardCharsets.UTF_16LE));
    Files.write(
        dir.resolve("be.yaml"), GOOD.replace("good", "be").getBytes(StandardCharsets.UTF_16BE));
    ScanResult r = scan(30_000);
    assertEquals(List.of(), problems(r));
    assertEquals(3, count(r, "EKS-SVC-001"));
  }

  /** The default config is not read through a symbolic link out of the root. */
  @Test
  void configLinkOutOfTheRootIsRefusedAndNotEchoed() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path secret = outside.resolve("credentials");
    Files.writeString(secret, "aws_secret_access_key: hunter2-SECRET\n");
    Path root = Files.createDirectories(dir.resolve("repo"));
    Files.createSymbolicLink(root.resolve(".eksnet.yaml"), secret);
    Files.writeString(root.resolve("good.yaml"), GOOD);
    ScanResult r = new Scanner().scan(ScanRequest.of(root, List.of(root)));
    assertEquals(1, r.problems().size(), problems(r).toString());
    assertTrue(problems(r).get(0).contains("symbolic link out of the repository root"));
    assertTrue(problems(r).stream().noneMatch(p -> p.contains("SECRET")), problems(r).toString());
    assertEquals(1, count(r, "EKS-SVC-001"));
    // named explicitly, it is read (and its unknown key reported)
    ScanResult named =
        new Scanner()
            .scan(new ScanRequest(root, List.of(root), secret, List.of(), Set.of(), Set.of()));
    assertTrue(problems(named).toString().contains("aws_secret_access_key"));
    // a link inside the root is fine
    Files.delete(root.resolve(".eksnet.yaml"));
    Files.writeString(root.resolve("cfg.yaml.txt"), "failOn: none\n");
    Files.createSymbolicLink(root.resolve(".eksnet.yaml"), root.resolve("cfg.yaml.txt"));
    assertEquals(List.of(), problems(new Scanner().scan(ScanRequest.of(root, List.of(root)))));
  }

  // ---- the CLI in a subprocess ----

  static List<String> java(String... jvmArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.eksnet.cli.Main");
    return cmd;
  }

  record Run(int exit, String output) {}

  static Run run(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not end");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * A UTF-8 file or folder name while the locale is C: the JVM's file name encoding is then ASCII,
   * and turning the name back into a Path threw InvalidPathException (exit 3).
   */
  @Test
  void nonAsciiNamesWithTheCLocale() throws Exception {
    Files.writeString(dir.resolve("good.yaml"), GOOD);
    // created by the shell from bytes, so that it works whatever this JVM's locale is
    Process mk =
        new ProcessBuilder(
                "sh",
                "-c",
                "d=\"$(printf 'd\\303\\251')\" && mkdir \"$d\" && cp good.yaml \"$d/$(printf"
                    + " 'caf\\303\\251').yaml\"")
            .directory(dir.toFile())
            .inheritIO()
            .start();
    assertEquals(0, mk.waitFor());
    List<String> cmd = java();
    cmd.addAll(List.of("scan", "--exclude", "vendor/**", "--root", dir.toString(), dir.toString()));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("LANG", "C");
    env.put("LC_ALL", "C");
    Run r = run(cmd, env);
    assertEquals(0, r.exit(), r.output()); // MEDIUM findings, under --fail-on high
    assertEquals(2, r.output().split("EKS-SVC-001", -1).length - 1, r.output()); // both files
  }

  /**
   * The same name given as an argument under the C locale: Java reads it as U+FFFD, which no file
   * name can hold, and resolving it threw InvalidPathException (exit 3). Now a usage error that
   * says why and what to do; the launcher avoids it by running Java under C.UTF-8.
   */
  @Test
  void nonAsciiNameArgumentWithTheCLocaleIsAUsageErrorNotACrash() throws Exception {
    Files.writeString(dir.resolve("good.yaml"), GOOD);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c"));
    StringBuilder script =
        new StringBuilder("cp good.yaml \"$(printf 'caf\\303\\251').yaml\" && exec");
    for (String a : java()) {
      script.append(" '").append(a).append("'");
    }
    script.append(" scan --root . \"$(printf 'caf\\303\\251').yaml\"");
    cmd.add(script.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("LANG", "C");
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not end");
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.contains("eksnet: cannot use the path '"), out);
    assertTrue(out.contains("run eksnet with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), out);
    assertFalse(out.contains("internal error"), out);
  }

  @Test
  void invalidExcludeGlobIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("good.yaml"), GOOD);
    var err = new java.io.ByteArrayOutputStream();
    int exit =
        new Main(
                new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false)
            .run("scan", "--exclude", "{", "--root", dir.toString(), dir.toString());
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, exit, text);
    assertTrue(text.contains("--exclude '{' is not a valid glob"), text);
  }

  /** A JSON file that needs more heap than there is: an input problem naming it, not a crash. */
  @Test
  void outOfMemoryWhileLoadingOneFileIsAnInputProblem() throws Exception {
    Files.writeString(dir.resolve("good.yaml"), GOOD);
    // 56 MiB, under the JSON limit: its bytes and decoded text alone (3 bytes of heap per byte)
    // are past a 160 MiB heap, so the allocation fails at once instead of thrashing the collector
    try (var w = Files.newBufferedWriter(dir.resolve("big.json"))) {
      w.write("[");
      String chunk = "0,".repeat(1 << 16);
      for (int i = 0; i < 448; i++) {
        w.write(chunk);
      }
      w.write("0]\n");
    }
    List<String> cmd = java("-Xmx160m");
    cmd.addAll(List.of("scan", "--root", dir.toString(), dir.toString()));
    Run r = run(cmd, Map.of());
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("big.json:1:1: error: not enough memory"), r.output());
    assertTrue(r.output().contains("good.yaml:8:"), r.output());
  }
}
