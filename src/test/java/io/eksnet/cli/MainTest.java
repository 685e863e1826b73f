package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.engine.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: options, exit codes, output streams. */
class MainTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  private String out() {
    return cli.out();
  }

  private String err() {
    return cli.err();
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static final String NLB_SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
      spec:
        type: LoadBalancer
        ports: [{port: 80}]
      """;

  @Test
  void findingsAtOrAboveFailOnExitWithOne() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    assertEquals(0, run("scan", "--root", dir.toString(), dir.toString()), err());
    assertTrue(out().contains("svc.yaml:5:3: MEDIUM EKS-SVC-001"), out());
    assertEquals(1, run("scan", "--root", dir.toString(), "--fail-on", "medium", dir.toString()));
    assertEquals(0, run("scan", "--root", dir.toString(), "--fail-on", "none", dir.toString()));
  }

  @Test
  void unparseableFileExitsTwoAndOtherFilesAreStillReported() throws IOException {
    write("a/svc.yaml", NLB_SERVICE);
    write("b/broken.yaml", "kind: [unclosed\n");
    assertEquals(2, run("scan", "--root", dir.toString(), dir.toString()));
    assertTrue(out().contains("a/svc.yaml:5:3: MEDIUM EKS-SVC-001"), out());
    assertTrue(err().contains("b/broken.yaml:2:1: error: YAML syntax error"), err());
    assertFalse(err().contains("Exception"), err());
  }

  @Test
  void sarifGoesToTheOutputFileAndListsInputProblems() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write("bad.json", "{\"kind\": ");
    Path report = dir.resolve("out/report.sarif");
    assertEquals(
        2,
        run(
            "scan",
            "--root",
            dir.toString(),
            "--format",
            "sarif",
            "--output",
            report.toString(),
            dir.toString()));
    assertEquals("", out());
    JsonNode sarif = new ObjectMapper().readTree(report.toFile());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals("EKS-SVC-001", run.get("results").get(0).get("ruleId").asText());
    assertEquals(
        "svc.yaml",
        run.get("results")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("artifactLocation")
            .get("uri")
            .asText());
    assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
    try (var files = Files.list(report.getParent())) {
      assertEquals(1, files.count(), "no temporary files left");
    }
  }

  @Test
  void sarifCategoryNamesTheAnalysis() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    assertEquals(0, run("scan", "--root", dir.toString(), "-f", "sarif", dir.toString()));
    assertTrue(new ObjectMapper().readTree(out()).at("/runs/0/automationDetails").isMissingNode());
    assertEquals(
        0,
        run(
            "scan",
            "--root",
            dir.toString(),
            "-f",
            "sarif",
            "--sarif-category",
            "eksnet/k8s",
            dir.toString()));
    assertEquals(
        "eksnet/k8s/",
        new ObjectMapper().readTree(out()).at("/runs/0/automationDetails/id").asText());
  }

  @Test
  void jsonReportIsValidJsonWithFindings() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    assertEquals(0, run("scan", "--root", dir.toString(), "-f", "json", dir.toString()));
    JsonNode json = new ObjectMapper().readTree(out());
    assertEquals("EKS-SVC-001", json.get("findings").get(0).get("ruleId").asText());
  }

  @Test
  void enableAndDisableSelectRules() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    run("scan", "--root", dir.toString(), "--disable", "EKS-SVC-001", dir.toString());
    assertFalse(out().contains("EKS-SVC-001"), out());
    run("scan", "--root", dir.toString(), "--enable", "EKS-LB-001", dir.toString());
    assertFalse(out().contains("EKS-SVC-001"), out());
    assertEquals(
        2, run("scan", "--root", dir.toString(), "--enable", "EKS-NOPE-999", dir.toString()));
    assertTrue(err().contains("--enable: unknown rule id 'EKS-NOPE-999'"), err());
  }

  @Test
  void usageErrorsExitTwoWithoutStackTrace() {
    assertEquals(2, run("scan", "--format", "xml", "."));
    assertTrue(err().contains("unknown --format 'xml'"), err());
    assertEquals(2, run("scan", "--fail-on", "severe", "."));
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run("scan", "--no-such-option"));
    assertFalse(err().contains("at io.eksnet"), err());
  }

  @Test
  void missingPathIsAnInputProblem() {
    assertEquals(2, run("scan", "--root", dir.toString(), dir.resolve("nope.yaml").toString()));
    assertTrue(err().contains("no such file or directory"), err());
  }

  @Test
  void configSuppressionsAndSeverityOverridesApply() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(
        ".eksnet.yaml",
        """
        failOn: low
        severity:
          EKS-SVC-001: LOW
        """);
    assertEquals(1, run("scan", "--root", dir.toString(), dir.toString()));
    assertTrue(out().contains("LOW EKS-SVC-001"), out());
    write(
        ".eksnet.yaml",
        """
        ignore:
          - rule: EKS-SVC-001
            path: "*.yaml"
            reason: behind a proxy that forwards the client IP
        """);
    assertEquals(0, run("scan", "--root", dir.toString(), "--fail-on", "low", dir.toString()));
    assertFalse(out().contains("EKS-SVC-001 Service"), out());
    run("scan", "--root", dir.toString(), "--show-suppressed", dir.toString());
    assertTrue(out().contains("suppressed: behind a proxy"), out());
  }

  @Test
  void badConfigIsAnInputProblemWithItsLine() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(".eksnet.yaml", "failOn: high\nthresholds:\n  ipvsServiceCont: 10\n");
    assertEquals(2, run("scan", "--root", dir.toString(), dir.toString()));
    assertTrue(
        err().contains(".eksnet.yaml:3:3: error: unknown threshold 'ipvsServiceCont'"), err());
  }

  @Test
  void inlineSuppressionsWorkAndUnusedOnesAreNoted() throws IOException {
    write(
        "svc.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            eksnet.io/ignore: EKS-LB-003
          service.beta.kubernetes.io/aws-load-balancer-type: nlb
        spec:
          # eksnet:ignore EKS-SVC-001 the application reads proxy protocol v2 set up outside Kubernetes
          type: LoadBalancer
          ports: [{port: 80}]
        """);
    assertEquals(0, run("scan", "--root", dir.toString(), "--fail-on", "info", dir.toString()));
    assertFalse(out().contains("EKS-SVC-001 Service"), out());
    assertTrue(
        err().contains("note: svc.yaml:6:5: suppression of EKS-LB-003 matches no finding"), err());
  }

  @Test
  void userRulesRunAndBrokenOnesAreReportedWithFileAndLine() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    Path rules = dir.resolve("my-rules");
    write(
        "my-rules/ACME-SVC-001.drl",
        """
        package acme;
        import io.eksnet.model.Service;
        global io.eksnet.engine.FindingSink findings;
        rule "ACME-SVC-001"
            @id("ACME-SVC-001") @name("no-load-balancer") @severity("HIGH")
            @summary("LoadBalancer Services are not allowed here")
            @message("{0} is a LoadBalancer") @remediation("Use the shared ingress instead.")
            @tags("acme") @since("1.0")
        when
            $s : Service( type == "LoadBalancer" )
        then
            findings.report(drools.getRule(), $s.at("spec", "type"), $s.getDisplayName());
        end
        """);
    assertEquals(
        1,
        run(
            "scan",
            "--root",
            dir.toString(),
            "--rules",
            rules.toString(),
            dir.toString() + "/svc.yaml"));
    assertTrue(
        out().contains("svc.yaml:5:3: HIGH ACME-SVC-001 Service web is a LoadBalancer"), out());
    write("my-rules/ACME-SVC-001.drl", "package acme;\nrule \"x\" when\n  Nope( ) then end\n");
    assertEquals(
        2,
        run(
            "scan",
            "--root",
            dir.toString(),
            "--rules",
            rules.toString(),
            dir.toString() + "/svc.yaml"));
    assertTrue(err().contains("ACME-SVC-001.drl:3:1: error: rule error"), err());
    assertFalse(out().contains("EKS-SVC-001"), "a broken policy reports no findings: " + out());
    assertEquals(
        2,
        run(
            "scan",
            "--root",
            dir.toString(),
            "--rules",
            rules.toString(),
            "--keep-going",
            dir.toString() + "/svc.yaml"));
    assertTrue(err().contains("ACME-SVC-001.drl:3:1: error: rule error"), err());
    assertTrue(
        out().contains("EKS-SVC-001"), "with --keep-going the built-in rules still ran: " + out());
  }

  @Test
  void rulesAndExplainPrintTheCatalog() {
    assertEquals(0, run("rules"));
    assertTrue(out().contains("EKS-LB-002"), out());
    assertEquals(0, run("explain", "eks-lb-002"));
    assertTrue(out().startsWith("# EKS-LB-002"), out());
    assertEquals(2, run("explain", "EKS-XX-000"));
  }

  @Test
  void generatedRuleIndexIsFresh() throws IOException {
    String expected =
        RuleIndex.markdown(
            RuleEngine.load(java.util.List.of(), new ArrayList<>()).catalog().rules());
    assertEquals(
        expected,
        Files.readString(Path.of("docs/rules/index.md")),
        "docs/rules/index.md is stale: run `./eksnet rules --format markdown > docs/rules/index.md`");
  }

  @Test
  void versionAndHelp() {
    assertEquals(0, run("--version"));
    assertTrue(out().startsWith("eksnet "), out());
    assertEquals(0, run("--help"));
    assertTrue(out().contains("--fail-on"), out());
  }
}
