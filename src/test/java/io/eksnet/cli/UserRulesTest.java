package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.report.SarifSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken user rules ({@code --rules}): each kind of breakage is an input problem with its file and
 * line (or rule id), exit code 2 and never a stack trace; without {@code --keep-going} no rule is
 * evaluated and no finding reported, with it the built-in and the working user rules still run. The
 * SARIF report is written either way and lists the problems.
 */
class UserRulesTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path rules;
  private Path report;

  private static final String HEADER =
      """
      package acme;
      import io.eksnet.model.Service;
      global io.eksnet.engine.FindingSink findings;
      """;

  /** A well-formed rule; {@code when} and {@code then} are the parts the cases break. */
  private static String rule(String id, String when, String then) {
    return HEADER
        + """
        rule "%s"
            @id("%s") @name("acme-rule") @severity("HIGH")
            @summary("An ACME house rule") @message("{0} breaks an ACME rule")
            @remediation("Follow the ACME handbook.") @tags("acme") @since("1.0")
        when
            %s
        then
            %s
        end
        """
            .formatted(id, id, when, then);
  }

  private static final String GOOD =
      rule(
          "ACME-SVC-100",
          "$s : Service( )",
          "findings.report(drools.getRule(), $s.at(\"spec\", \"type\"), $s.getDisplayName());");

  /** A small firing budget, so that a rule re-firing forever is stopped quickly. */
  @BeforeEach
  void smallFiringBudget() {
    System.setProperty("eksnet.userRules.maxFirings", "5000");
  }

  @org.junit.jupiter.api.AfterEach
  void defaultBudget() {
    System.clearProperty("eksnet.userRules.maxFirings");
    System.clearProperty("eksnet.userRules.timeoutMillis");
  }

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(
        dir.resolve("svc.yaml"),
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
        spec:
          type: LoadBalancer
          ports: [{port: 80}]
        """);
    rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("ACME-SVC-100.drl"), GOOD);
    report = dir.resolve("out/eksnet.sarif");
  }

  private int scan(String... extra) {
    out.reset();
    err.reset();
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "--root",
                dir.toString(),
                "--rules",
                rules.toString(),
                "--format",
                "sarif",
                "--output",
                report.toString()));
    args.addAll(List.of(extra));
    args.add(dir.resolve("svc.yaml").toString());
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false)
        .run(args.toArray(String[]::new));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private List<String> ruleIds() throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(report.toFile());
    assertEquals(List.of(), SarifSchema.errors(sarif));
    List<String> ids = new ArrayList<>();
    sarif.path("runs").path(0).path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
    assertFalse(
        sarif
            .path("runs")
            .path(0)
            .path("invocations")
            .path(0)
            .path("executionSuccessful")
            .asBoolean());
    return ids;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      syntax error         | broken.drl:6:1: error: rule error
      unknown fact type    | broken.drl:9:1: error: rule error: Unable to resolve ObjectType 'Pod'
      no metadata          | broken.drl:4:1: error: rule "ACME-SVC-200": missing @id
      consequence throws   | broken.drl:4:1: error: rule ACME-SVC-200 failed on Service web: ArithmeticException: / by zero
      condition throws     | broken.drl:4:1: error: rule ACME-SVC-200 failed in its condition name.substring(100) == "x": StringIndexOutOfBoundsException
      bad severity         | broken.drl:4:1: error: rule "ACME-SVC-200": @severity 'SEVERE' is not one of
      duplicate name       | broken.drl:4:1: error: rule error: Duplicate rule name: ACME-SVC-100
      duplicate id         | broken.drl:4:1: error: rule "ACME-SVC-100": @id ACME-SVC-100 is already used by another rule
      not UTF-8            | broken.drl:1:1: error: rule file is not valid UTF-8
      calls System.exit    | broken.drl:11:12: error: rule "ACME-SVC-200" uses System.exit, which user rules may not: it could end the JVM
      escaped exit         | broken.drl:11:33: error: rule "ACME-SVC-200" uses Runtime, which user rules may not
      starts a process     | broken.drl:11:9: error: rule "ACME-SVC-200" uses ProcessBuilder, which user rules may not
      stack overflow       | broken.drl:5:1: error: rule ACME-SVC-200 failed: StackOverflowError
      memory exhausted     | broken.drl:4:1: error: rule ACME-SVC-200 failed: OutOfMemoryError
      re-fires forever     | broken.drl:4:1: error: rule ACME-SVC-200 kept the rules firing: it inserted, updated or deleted facts 5,
      """)
  void brokenUserRuleIsAProblemWithFileAndLineAndStopsOnlyWhatTheUserAskedFor(
      String kind, String expected) throws IOException {
    byte[] broken =
        switch (kind) {
          case "syntax error" ->
              (HEADER + "rule \"ACME-SVC-200\"\nwhen\n  $s : Service( name == )\nthen end\n")
                  .getBytes(StandardCharsets.UTF_8);
          case "unknown fact type" ->
              rule("ACME-SVC-200", "Pod( )", "").getBytes(StandardCharsets.UTF_8);
          case "no metadata" ->
              (HEADER + "rule \"ACME-SVC-200\"\nwhen\n  Service( )\nthen\nend\n")
                  .getBytes(StandardCharsets.UTF_8);
          case "consequence throws" ->
              rule("ACME-SVC-200", "Service( )", "int zero = 0; int x = 1 / zero;")
                  .getBytes(StandardCharsets.UTF_8);
          case "condition throws" ->
              rule("ACME-SVC-200", "Service( name.substring(100) == \"x\" )", "")
                  .getBytes(StandardCharsets.UTF_8);
          case "bad severity" ->
              rule("ACME-SVC-200", "Service( )", "")
                  .replace("\"HIGH\"", "\"SEVERE\"")
                  .getBytes(StandardCharsets.UTF_8);
          case "duplicate name" ->
              rule("ACME-SVC-100", "Service( )", "").getBytes(StandardCharsets.UTF_8);
          case "duplicate id" ->
              rule("ACME-SVC-100", "Service( )", "")
                  .replace("package acme;", "package other;")
                  .getBytes(StandardCharsets.UTF_8);
          case "not UTF-8" ->
              rule("ACME-SVC-200", "Service( )", "")
                  .replace("ACME handbook", "ACME Stra\u00dfe")
                  .getBytes(StandardCharsets.ISO_8859_1);
          case "calls System.exit" ->
              rule("ACME-SVC-200", "Service( )", "System.exit(0);")
                  .getBytes(StandardCharsets.UTF_8);
          case "escaped exit" ->
              rule(
                      "ACME-SVC-200",
                      "Service( )",
                      "/* System.exit */ java.lang.\\u0052untime.getRuntime().halt(0);")
                  .getBytes(StandardCharsets.UTF_8);
          case "starts a process" ->
              rule("ACME-SVC-200", "Service( )", "new ProcessBuilder(\"true\").start();")
                  .getBytes(StandardCharsets.UTF_8);
          case "stack overflow" ->
              (HEADER
                      + "function int down(int n) { return down(n + 1) + 1; }\n"
                      + rule("ACME-SVC-200", "Service( )", "down(0);").substring(HEADER.length()))
                  .getBytes(StandardCharsets.UTF_8);
          case "memory exhausted" ->
              rule("ACME-SVC-200", "Service( )", "long[] big = new long[Integer.MAX_VALUE];")
                  .getBytes(StandardCharsets.UTF_8);
          case "re-fires forever" ->
              rule("ACME-SVC-200", "$s : Service( )", "update($s);")
                  .getBytes(StandardCharsets.UTF_8);
          default -> throw new IllegalArgumentException(kind);
        };
    Files.write(rules.resolve("broken.drl"), broken);

    assertEquals(2, scan(), err());
    assertTrue(err().contains(expected), err());
    assertFalse(err().contains("\tat ") || err().contains("internal error"), err());
    assertEquals(List.of(), ruleIds(), "without --keep-going no rule is evaluated");
    assertTrue(
        err().contains("error: no rule was evaluated because user rules have errors")
            || err().contains("no findings are reported"),
        err());

    assertEquals(2, scan("--keep-going"), err());
    assertTrue(
        err().contains(expected.replace("no findings are reported", "it was left out")), err());
    assertFalse(err().contains("\tat ") || err().contains("internal error"), err());
    List<String> ids = ruleIds();
    assertTrue(ids.contains("EKS-SVC-001"), "built-in rules ran: " + ids);
    assertTrue(ids.contains("ACME-SVC-100"), "the good user rule ran: " + ids);
    assertFalse(ids.contains("ACME-SVC-200"), "the broken rule reported nothing: " + ids);
  }

  @Test
  void keepGoingDropsOnlyTheBrokenFileOfADirectory() throws IOException {
    Files.writeString(
        rules.resolve("broken.drl"), HEADER + "rule \"ACME-SVC-200\" when Nope( ) then end\n");
    Files.writeString(
        rules.resolve("other.drl"),
        rule(
            "ACME-SVC-300",
            "$s : Service( type == \"LoadBalancer\" )",
            "findings.report(drools.getRule(), $s.getLocation(), $s.getDisplayName());"));
    assertEquals(2, scan("--keep-going"));
    assertEquals(List.of("ACME-SVC-300", "ACME-SVC-100", "EKS-SVC-001"), ruleIds());
  }

  /**
   * A rule file saved by a Windows editor, with a byte order mark and CRLF line ends, did not
   * compile ("[ERR 101] Line 1:0 no viable alternative at input ''").
   */
  @Test
  void aRuleFileWithAByteOrderMarkAndCrlfCompiles() throws IOException {
    byte[] text = GOOD.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Files.write(rules.resolve("ACME-SVC-100.drl"), withBom);
    int code = scan();
    assertFalse(err().contains("error"), err());
    assertTrue(code == 0 || code == 1, err());
    JsonNode sarif = new ObjectMapper().readTree(report.toFile());
    List<String> ids = new ArrayList<>();
    sarif.path("runs").path(0).path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
    assertTrue(ids.contains("ACME-SVC-100"), ids.toString());
  }

  @Test
  void missingRulesDirectoryIsAProblem() throws IOException {
    rules = dir.resolve("no-such-dir");
    assertEquals(2, scan());
    assertTrue(err().contains("no-such-dir:1:1: error: cannot read rules directory"), err());
    assertEquals(2, scan("--keep-going"));
    assertTrue(ruleIds().contains("EKS-SVC-001"));
  }

  @Test
  void aRulePrintingCannotCorruptAReportOnStandardOutput() throws IOException {
    Files.writeString(
        rules.resolve("ACME-SVC-300.drl"),
        rule(
            "ACME-SVC-300",
            "$s : Service( )",
            "System.out.println(\"{ not json\"); System.out.flush();"
                + " findings.report(drools.getRule(), $s.getLocation(), $s.getDisplayName());"));
    java.io.PrintStream before = System.out;
    out.reset();
    err.reset();
    // as in a real run, the report stream and System.out are one stream (standard output)
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    System.setOut(stdout);
    int code;
    try {
      code =
          new Main(stdout, new PrintStream(err, true, StandardCharsets.UTF_8), false)
              .run(
                  "scan",
                  "--root",
                  dir.toString(),
                  "--rules",
                  rules.toString(),
                  "-f",
                  "json",
                  "-o",
                  "-",
                  "--fail-on",
                  "none",
                  dir.resolve("svc.yaml").toString());
      assertTrue(System.out == stdout, "System.out is restored after the rules ran");
    } finally {
      System.setOut(before);
    }
    assertEquals(0, code, err());
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertTrue(json.toString().contains("ACME-SVC-300"), json.toString());
  }

  @Test
  void anErrorInAConditionThatNamesNoRuleLeavesOutItsDirectory() throws IOException {
    // an Error thrown by an eval() is not wrapped by Drools: which rule it was cannot be told
    Files.writeString(
        rules.resolve("broken.drl"),
        HEADER
            + "function int down(int n) { return down(n + 1) + 1; }\n"
            + rule("ACME-SVC-200", "Service( )\n    eval( down(0) > 0 )", "")
                .substring(HEADER.length()));
    assertEquals(2, scan(), err());
    assertTrue(
        err()
            .contains(rules + ":1:1: error: a user rule failed in a condition: StackOverflowError"),
        err());
    assertEquals(List.of(), ruleIds());
    assertEquals(2, scan("--keep-going"), err());
    assertTrue(err().contains("its rule base was left out of this run"), err());
    assertEquals(List.of("EKS-SVC-001"), ruleIds(), "the built-in rules still report");
  }

  @Test
  void aRuleRunningPastTheTimeBudgetIsNamedAndKeepGoingStillReports()
      throws IOException, InterruptedException {
    System.setProperty("eksnet.userRules.timeoutMillis", "1000");
    // busy for 4 s, deaf to interrupts: halted too late, so abandoned (and it ends by itself)
    Files.writeString(
        rules.resolve("broken.drl"),
        rule(
            "ACME-SVC-200",
            "Service( )",
            "long end = System.nanoTime() + 4_000_000_000L; while (System.nanoTime() < end) { }"));
    long t0 = System.nanoTime();
    assertEquals(2, scan(), err());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 30_000);
    assertTrue(
        err()
            .contains(
                "broken.drl:4:1: error: rule ACME-SVC-200 was running when the user rules' time"
                    + " budget (1.0 s) ran out"),
        err());
    assertTrue(err().contains("no findings are reported"), err());
    assertEquals(List.of(), ruleIds());

    assertEquals(2, scan("--keep-going"), err());
    assertTrue(err().contains("its rule base was left out of this run"), err());
    List<String> ids = ruleIds();
    assertTrue(ids.contains("EKS-SVC-001"), "built-in rules ran: " + ids);
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if ("eksnet-user-rules".equals(t.getName())) {
        t.join(10_000); // the abandoned loops end by themselves; no CPU left burning
      }
    }
  }

  @Test
  void systemExitThatSlipsPastTheDenyListStillCannotEndTheScanSilently() throws Exception {
    // java.beans.Statement calls System.exit by name, without any denied identifier in the DRL
    Files.writeString(
        rules.resolve("broken.drl"),
        rule(
            "ACME-SVC-200",
            "Service( )",
            "new java.beans.Statement(System.class, \"ex\" + \"it\", new Object[] {0}).execute();"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--root",
                dir.toString(),
                "--rules",
                rules.toString(),
                "-f",
                "json",
                dir.resolve("svc.yaml").toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), log);
    assertTrue(
        log.contains("eksnet: error: user rule ACME-SVC-200 (")
            && log.contains("called System.exit while the rules ran"),
        log);
  }

  @Test
  void keepGoingIsInTheHelp() {
    assertEquals(
        0,
        new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false)
            .run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--keep-going"));
  }
}
