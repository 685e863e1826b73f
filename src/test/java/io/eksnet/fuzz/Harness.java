package io.eksnet.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.cli.Main;
import io.eksnet.finding.Finding;
import io.eksnet.finding.Severity;
import io.eksnet.model.InputProblem;
import io.eksnet.report.Format;
import io.eksnet.report.GitHubSarifChecks;
import io.eksnet.report.ReportOptions;
import io.eksnet.report.SarifSchema;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs one fuzz case: a fresh directory holding the mutated file and an untouched control file with
 * a known finding, scanned as a whole (discovery, load, relations, rules, suppressions, reports),
 * optionally through the CLI with {@code --format sarif --output}. Returns every broken guarantee;
 * an empty list means the case passed.
 */
final class Harness {

  /**
   * The control file: an NLB Service of the AWS Load Balancer Controller (its class written) with
   * the controller's default instance targets, whose EKS-LB-003 finding must survive every case.
   * Its finding depends on this file alone: EKS-SVC-001's (the control before) rightly depends on
   * the rest of the cluster, which evidence of EKS Auto Mode beside it silences.
   */
  static final String CONTROL_NAME = "control.yaml";

  static final String CONTROL =
      """
      # Untouched control file of the fuzz harness: its finding must be reported whatever lies beside it.
      apiVersion: v1
      kind: Service
      metadata:
        name: eksnet-fuzz-control
        namespace: eksnet-fuzz-control
      spec:
        type: LoadBalancer
        loadBalancerClass: service.k8s.aws/nlb
        ports: [{port: 80}]
      """;

  static final String CONTROL_RULE = "EKS-LB-003";
  static final int CONTROL_LINE = 9;

  /**
   * A broken guarantee. {@code kind} and a normalised detail make the signature for de-duplication.
   */
  record Violation(String kind, String detail, String signature) {
    static Violation of(String kind, String detail) {
      return new Violation(kind, detail, kind + ": " + normalise(detail));
    }

    static Violation crash(String where, Throwable t) {
      String top = topFrame(t);
      return new Violation(
          "crash",
          where + ": " + t + " at " + top,
          "crash: " + t.getClass().getName() + " at " + top);
    }

    /**
     * The first eksnet frame (not the harness), e.g. {@code
     * io.eksnet.relate.Relations.kubeProxy:247}.
     */
    static String topFrame(Throwable t) {
      for (StackTraceElement e : t.getStackTrace()) {
        if (e.getClassName().startsWith("io.eksnet.")
            && !e.getClassName().startsWith("io.eksnet.fuzz.")) {
          return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
        }
      }
      return t.getStackTrace().length > 0 ? t.getStackTrace()[0].toString() : "?";
    }

    private static String normalise(String s) {
      String t = s.replaceAll("\\d+", "N");
      return t.length() > 120 ? t.substring(0, 120) : t;
    }

    @Override
    public String toString() {
      return kind + ": " + detail;
    }
  }

  /** Whether to go through the CLI too, and whether to scan twice and compare the reports. */
  record Mode(boolean viaMain, boolean twice) {
    static final Mode SCANNER = new Mode(false, false);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final long boundMillis;
  private final Watchdog watchdog;
  private int counter;
  private final java.util.Map<String, Long> phaseNanos = new java.util.TreeMap<>();

  /** Nanoseconds spent per phase over all cases so far (scan, reports, checks, CLI). */
  java.util.Map<String, Long> phaseNanos() {
    return phaseNanos;
  }

  private long lap(String phase, long since) {
    long now = System.nanoTime();
    phaseNanos.merge(phase, now - since, Long::sum);
    return now;
  }

  /**
   * @param work a directory for the cases' files (each case uses and removes its own sub-directory)
   * @param boundMillis the time a scan of one case may take (it is retried once before it counts)
   * @param hangMillis after this long a scan is abandoned as hung
   */
  Harness(Path work, long boundMillis, long hangMillis) {
    this.work = work;
    this.boundMillis = boundMillis;
    this.watchdog = new Watchdog(hangMillis);
  }

  long boundMillis() {
    return boundMillis;
  }

  List<Violation> check(Target target, byte[] input, Mode mode) {
    Path dir = work.resolve("case-" + counter++);
    try {
      Files.createDirectories(dir.resolve("scan"));
      Files.writeString(dir.resolve("scan").resolve(CONTROL_NAME), CONTROL);
      Files.write(dir.resolve("scan").resolve(target.fileName), input);
      return checkIn(dir, target, mode, input.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private List<Violation> checkIn(Path dir, Target target, Mode mode, long bytes)
      throws IOException {
    Path root = dir.resolve("scan");
    List<Violation> out = new ArrayList<>();
    ScanRequest req = ScanRequest.of(root, List.of(root));
    Timed<ScanResult> scan = timed(() -> new Scanner().scan(req), out, "scan");
    if (scan == null) {
      return out;
    }
    // The bound grows with the input (one more bound per MiB): a scan is linear in its input, and
    // the check is for blow-ups (a 1 MiB line that takes 20 s), not for the parser's speed on a
    // loaded CI machine (a 1 MiB line takes 2 to 3 s there).
    long allowed = boundMillis + boundMillis * bytes / (1 << 20);
    if (scan.millis > allowed) {
      Timed<ScanResult> again = timed(() -> new Scanner().scan(req), out, "scan (retry)");
      if (again != null && again.millis > allowed) {
        out.add(
            Violation.of(
                "slow",
                "scan took "
                    + scan.millis
                    + " ms, then "
                    + again.millis
                    + " ms (bound "
                    + allowed
                    + " ms)"));
      }
    }
    long t = lap("scan", System.nanoTime() - scan.millis * 1_000_000);
    ScanResult r = scan.value;
    checkResult(r, root, target, out);
    t = lap("check result", t);
    String sarif = render(Format.SARIF, r, out);
    String json = render(Format.JSON, r, out);
    render(Format.TEXT, r, out);
    t = lap("render", t);
    if (sarif != null) {
      checkSarif(sarif, root, r.problems().isEmpty(), "SARIF", out);
    }
    t = lap("check sarif", t);
    if (json != null) {
      try {
        JSON.readTree(json);
      } catch (IOException e) {
        out.add(Violation.of("json-report", "not valid JSON: " + e.getMessage()));
      }
    }
    if (mode.twice() && sarif != null && json != null) {
      Timed<ScanResult> second = timed(() -> new Scanner().scan(req), out, "second scan");
      if (second != null) {
        String sarif2 = render(Format.SARIF, second.value, out);
        String json2 = render(Format.JSON, second.value, out);
        if (!sarif.equals(sarif2) || !json.equals(json2)) {
          out.add(
              Violation.of(
                  "nondeterministic", "a second scan of the same files gave other reports"));
        }
      }
    }
    t = lap("twice", t);
    if (mode.viaMain()) {
      checkMain(dir, root, r, out);
    }
    lap("cli", t);
    return out;
  }

  private final java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();

  /**
   * How the cases ended: {@code clean}, {@code findings} (rules fired on the mutated file) or the
   * kind of the first input problem (its message with numbers and quoted parts blanked), so a run
   * shows whether the mutations reach the loaders' checks and the rules behind them.
   */
  java.util.Map<String, Integer> outcomes() {
    return outcomes;
  }

  private void record(ScanResult r, Target target) {
    String key;
    if (!r.problems().isEmpty()) {
      key =
          "problem: "
              + r.problems()
                  .get(0)
                  .message()
                  .replaceAll("'[^']*'|\"[^\"]*\"", "'~'")
                  .replaceAll("\\d+", "N");
      key = key.length() > 90 ? key.substring(0, 90) : key;
    } else if (r.findings().stream().anyMatch(f -> f.location().file().equals(target.fileName))) {
      key = "loaded, findings on the mutated file";
    } else {
      key = "loaded, no finding on the mutated file";
    }
    outcomes.merge(key, 1, Integer::sum);
  }

  private void checkResult(ScanResult r, Path root, Target target, List<Violation> out)
      throws IOException {
    record(r, target);
    boolean control = r.findings().stream().anyMatch(Harness::isControlFinding);
    if (!control) {
      out.add(
          Violation.of(
              "control-lost",
              CONTROL_RULE
                  + " on "
                  + CONTROL_NAME
                  + ":"
                  + CONTROL_LINE
                  + " not reported; findings: "
                  + r.findings().stream().map(f -> f.ruleId() + "@" + f.location()).toList()));
    }
    if (new java.util.HashSet<>(r.problems()).size() != r.problems().size()) {
      out.add(
          Violation.of("problem-duplicate", "the same problem is reported twice: " + r.problems()));
    }
    int lines = -1;
    for (InputProblem p : r.problems()) {
      String file = p.location().file();
      if (!file.equals(target.fileName)) {
        out.add(
            Violation.of(
                "problem-elsewhere",
                "problem in " + file + ", not the mutated file: " + p.message()));
        continue;
      }
      String m = p.message();
      if (m == null || m.isBlank() || !InputProblem.oneLine(m).equals(m)) {
        out.add(Violation.of("problem-format", "blank, multi-line or control characters: " + m));
      } else if (m.contains("Exception") || m.contains("\tat ") || m.contains("java.")) {
        out.add(Violation.of("problem-format", "message leaks an exception: " + m));
      }
      if (lines < 0) {
        lines = GitHubSarifChecks.countLines(root.resolve(file));
      }
      if (p.location().line() > lines + 1) {
        out.add(
            Violation.of(
                "problem-position",
                "line "
                    + p.location().line()
                    + " beyond the "
                    + lines
                    + " lines of "
                    + file
                    + ": "
                    + m));
      }
    }
  }

  static boolean isControlFinding(Finding f) {
    return f.ruleId().equals(CONTROL_RULE)
        && f.location().file().equals(CONTROL_NAME)
        && f.location().line() == CONTROL_LINE;
  }

  private static String render(Format format, ScanResult r, List<Violation> out) {
    try {
      return format.render(r, ReportOptions.defaults());
    } catch (RuntimeException | Error e) {
      out.add(Violation.crash("rendering " + format, e));
      return null;
    }
  }

  private static void checkSarif(
      String sarif, Path root, boolean success, String what, List<Violation> out) {
    JsonNode tree;
    try {
      tree = JSON.readTree(sarif);
    } catch (IOException e) {
      out.add(Violation.of("sarif-invalid", what + " is not JSON: " + e.getMessage()));
      return;
    }
    for (String e : SarifSchema.errors(tree)) {
      out.add(Violation.of("sarif-schema", what + ": " + e));
    }
    for (String e : GitHubSarifChecks.problems(tree, root, true)) {
      out.add(Violation.of("sarif-github", what + ": " + e));
    }
    boolean ok =
        tree.path("runs")
            .path(0)
            .path("invocations")
            .path(0)
            .path("executionSuccessful")
            .asBoolean();
    if (ok != success) {
      out.add(
          Violation.of(
              "sarif-success",
              what
                  + ": executionSuccessful is "
                  + ok
                  + " with "
                  + (success ? "no" : "some")
                  + " input problems"));
    }
  }

  private void checkMain(Path dir, Path root, ScanResult expected, List<Violation> out)
      throws IOException {
    Path reports = dir.resolve("reports");
    Path report = reports.resolve("eksnet.sarif");
    Files.createDirectories(reports);
    Files.writeString(report, "previous report\n");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    String[] args = {
      "scan",
      "--root",
      root.toString(),
      "--format",
      "sarif",
      "--output",
      report.toString(),
      "--fail-on",
      "medium",
      root.toString()
    };
    Timed<Integer> run =
        timed(
            () ->
                new Main(
                        new PrintStream(stdout, true, StandardCharsets.UTF_8),
                        new PrintStream(stderr, true, StandardCharsets.UTF_8),
                        false)
                    .run(args),
            out,
            "CLI");
    if (run == null) {
      return;
    }
    int code = run.value;
    String err = stderr.toString(StandardCharsets.UTF_8);
    boolean errors = err.lines().anyMatch(l -> l.contains(": error: "));
    if (code == 3 || err.contains("internal error")) {
      out.add(Violation.of("cli-internal-error", "exit " + code + ": " + firstLines(err)));
      return;
    }
    if (err.contains("\tat ") || err.contains("Exception")) {
      out.add(Violation.of("cli-stack-trace", firstLines(err)));
    }
    boolean failing =
        expected.activeFindings().stream().anyMatch(f -> f.severity().atLeast(Severity.MEDIUM));
    int want = !expected.problems().isEmpty() ? 2 : failing ? 1 : 0;
    if (code != want) {
      out.add(
          Violation.of(
              "cli-exit-code",
              "exit "
                  + code
                  + ", expected "
                  + want
                  + " ("
                  + expected.problems().size()
                  + " input problems, --fail-on medium)"));
    }
    if ((code == 2) != errors) {
      out.add(
          Violation.of(
              "cli-exit-code",
              "exit " + code + " but stderr " + (errors ? "has" : "has no") + " error lines"));
    }
    if (stdout.size() != 0) {
      out.add(Violation.of("cli-stdout", "report also went to standard output"));
    }
    String sarif = Files.readString(report, StandardCharsets.UTF_8);
    if (sarif.equals("previous report\n")) {
      out.add(Violation.of("cli-report", "--output was not written"));
      return;
    }
    checkSarif(sarif, root, expected.problems().isEmpty(), "CLI SARIF", out);
    if (JSON
        .readTree(sarif)
        .path("runs")
        .path(0)
        .path("results")
        .findValuesAsText("ruleId")
        .stream()
        .noneMatch(CONTROL_RULE::equals)) {
      out.add(Violation.of("cli-control-lost", "the CLI's SARIF lacks the control finding"));
    }
    try (Stream<Path> s = Files.list(reports)) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      if (!names.equals(List.of("eksnet.sarif"))) {
        out.add(Violation.of("cli-temp-files", "files beside the report: " + names));
      }
    }
  }

  private static String firstLines(String s) {
    return String.join(" | ", s.lines().limit(4).toList());
  }

  private record Timed<T>(T value, long millis) {}

  private <T> Timed<T> timed(Callable<T> c, List<Violation> out, String what) {
    long t0 = System.nanoTime();
    try {
      T v = watchdog.call(c);
      return new Timed<>(v, (System.nanoTime() - t0) / 1_000_000);
    } catch (TimeoutException e) {
      out.add(
          Violation.of(
              "hang", what + " did not finish within " + watchdog.timeoutMillis() + " ms"));
    } catch (ExecutionException e) {
      out.add(Violation.crash(what, e.getCause()));
    }
    return null;
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
