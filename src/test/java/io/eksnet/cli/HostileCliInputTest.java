package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in a config, a suppression or a command line that used to change nothing, silently: each
 * is now an input problem (config, exit 2) or a note (manifest suppressions), with its line.
 */
class HostileCliInputTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  private static final String NLB_SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, annotations: {service.beta.kubernetes.io/aws-load-balancer-type: nlb}}
      spec:
        type: LoadBalancer
        ports: [{port: 80}]
      """;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private int scan(String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "scan";
    args[1] = "--root";
    args[2] = dir.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = dir.toString();
    return cli.run(args);
  }

  @Test
  void misspeltRuleIdInASeverityOverrideIsAProblemAtItsLine() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(".eksnet.yaml", "severity:\n  EKS-SVC-001: LOW\n  EKS-SVC-01: LOW\n");
    assertEquals(2, scan());
    assertTrue(
        cli.err().contains(".eksnet.yaml:3:1: error: severity: unknown rule id 'EKS-SVC-01'"),
        cli.err());
    assertTrue(cli.out().contains("LOW EKS-SVC-001"), cli.out()); // the good override still applies
  }

  @Test
  void aRuleThatDoesNotRunIsStillAKnownId() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(
        ".eksnet.yaml",
        "disable: [EKS-LB-001]\nseverity:\n  EKS-LB-001: LOW\n"
            + "ignore:\n  - rule: EKS-LB-003\n    reason: r\n");
    assertEquals(0, scan("--enable", "EKS-SVC-001"));
    assertFalse(cli.err().contains("unknown rule id"), cli.err());
  }

  @Test
  void misspeltRuleIdInAConfigIgnoreIsAProblemAtItsLine() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(".eksnet.yaml", "ignore:\n  - rule: EKS-SVC-01\n    reason: behind a proxy\n");
    assertEquals(2, scan());
    assertTrue(
        cli.err().contains(".eksnet.yaml:2:1: error: ignore: unknown rule id 'EKS-SVC-01'"),
        cli.err());
    assertTrue(cli.out().contains("EKS-SVC-001"), cli.out());
  }

  @Test
  void misspeltKeyInAConfigIgnoreLeavesTheEntryOutRatherThanWidenIt() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(
        ".eksnet.yaml",
        "ignore:\n  - rule: EKS-SVC-001\n    objct: Service/default/other\n    reason: r\n");
    assertEquals(2, scan());
    assertTrue(
        cli.err().contains(".eksnet.yaml:3:5: error: unknown key 'objct' in an ignore entry"),
        cli.err());
    assertTrue(cli.out().contains("MEDIUM EKS-SVC-001"), cli.out()); // not suppressed
  }

  @Test
  void configValuesOfTheWrongShapeAreProblems() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    write(".eksnet.yaml", "failOn: [low]\n");
    assertEquals(2, scan());
    assertTrue(cli.err().contains(".eksnet.yaml:1:1: error: failOn must be one of"), cli.err());

    write(".eksnet.yaml", "ignore:\n  rule: EKS-SVC-001\n  reason: r\n");
    assertEquals(2, scan());
    assertTrue(cli.err().contains(".eksnet.yaml:1:1: error: ignore must be a list"), cli.err());

    write(".eksnet.yaml", "thresholds: [ipvsServiceCount]\n");
    assertEquals(2, scan());
    assertTrue(cli.err().contains(".eksnet.yaml:1:1: error: thresholds must map"), cli.err());

    write(".eksnet.yaml", "exclude:\n  - vendor/**\n  - [x]\n");
    assertEquals(2, scan());
    assertTrue(
        cli.err().contains(".eksnet.yaml:3:5: error: each exclude item must be a string"),
        cli.err());
  }

  @Test
  void manifestSuppressionOfAnUnknownRuleIdIsANoteAndKeepsTheExitCode() throws IOException {
    write(
        "svc.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-type: nlb
            eksnet.io/ignore: EKS-SVC-01
        spec:
          # eksnet:ignore EKS-SVC-0001 fronted by a proxy
          type: LoadBalancer
          ports: [{port: 80}]
        """);
    assertEquals(0, scan()); // MEDIUM, below the default fail-on
    assertTrue(
        cli.err()
            .contains("note: svc.yaml:7:5: eksnet.io/ignore names unknown rule id 'EKS-SVC-01'"),
        cli.err());
    assertTrue(
        cli.err()
            .contains("note: svc.yaml:9:3: eksnet:ignore names unknown rule id 'EKS-SVC-0001'"),
        cli.err());
    assertTrue(cli.out().contains("MEDIUM EKS-SVC-001"), cli.out());
    assertFalse(cli.err().contains("error"), cli.err());
  }

  @Test
  void anEmptyPathIsAUsageErrorNotTheWorkingDirectory() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    for (String[] args :
        new String[][] {
          {"scan", "--root", dir.toString(), ""},
          {"scan", "--root", dir.toString(), "--rules", "", dir.toString()},
          {"scan", "--root", dir.toString(), "--baseline", "", dir.toString()},
          {"scan", "--root", dir.toString(), "--config", "", dir.toString()},
          {"scan", "--root", "", dir.toString()},
          {""}
        }) {
      assertEquals(2, cli.run(args), String.join(" ", args) + ": " + cli.err());
      assertTrue(
          cli.err().contains("eksnet: an empty path was given (an unset variable?)"), cli.err());
      assertEquals("", cli.out(), "nothing is scanned");
    }
  }

  @Test
  void anOptionGivenTwiceTakesItsLastValue() throws IOException {
    write("svc.yaml", NLB_SERVICE);
    assertEquals(1, scan("--fail-on", "high", "-f", "json", "--fail-on", "medium", "-f", "text"));
    assertTrue(cli.out().contains("MEDIUM EKS-SVC-001"), cli.out()); // text, not JSON
    assertEquals(0, scan("--fail-on", "medium", "--fail-on", "none"));
  }
}
