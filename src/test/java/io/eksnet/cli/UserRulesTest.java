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
      consequence throws   | broken.drl:4:1: error: rule ACME-SVC-200 failed on Service default/web: ArithmeticException: / by zero
      condition throws     | broken.drl:4:1: error: rule ACME-SVC-200 failed in its condition name.substring(100) == "x": StringIndexOutOfBoundsException
      bad severity         | broken.drl:4:1: error: rule "ACME-SVC-200": @severity 'SEVERE' is not one of
      duplicate name       | broken.drl:4:1: error: rule error: Duplicate rule name: ACME-SVC-100
      duplicate id         | broken.drl:4:1: error: rule "ACME-SVC-100": @id ACME-SVC-100 is already used by another rule
      not UTF-8            | broken.drl:1:1: error: rule file is not valid UTF-8
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

  @Test
  void missingRulesDirectoryIsAProblem() throws IOException {
    rules = dir.resolve("no-such-dir");
    assertEquals(2, scan());
    assertTrue(err().contains("no-such-dir:1:1: error: cannot read rules directory"), err());
    assertEquals(2, scan("--keep-going"));
    assertTrue(ruleIds().contains("EKS-SVC-001"));
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
