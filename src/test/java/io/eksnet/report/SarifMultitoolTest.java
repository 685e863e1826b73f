package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Multitool check is only worth something if GitHub's rules really run: a rule kind the tool
 * does not know is ignored silently. So it must flag a file GitHub would reject, and pass the
 * golden report.
 */
class SarifMultitoolTest {

  @TempDir Path tmp;

  private Path binary() {
    Optional<Path> bin = SarifMultitool.binary();
    Assumptions.assumeTrue(
        bin.isPresent(),
        "skipped: SARIF Multitool not installed (npm install -g "
            + "@microsoft/sarif-multitool@"
            + SarifMultitool.VERSION
            + ", or set SARIF_MULTITOOL)");
    return bin.get();
  }

  @Test
  void githubIngestionRulesReallyRun() throws IOException {
    Path bin = binary();
    Path bad = tmp.resolve("bad.sarif");
    Files.writeString(
        bad,
        """
        {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
         "runs": [{"tool": {"driver": {"name": "eksnet", "rules": [{"id": "EKS-SVC-001"}]}},
                   "results": [{"ruleId": "EKS-SVC-001", "message": {"text": "no location"}, "locations": []}]}]}
        """);
    List<String> found = SarifMultitool.run(bin, bad);
    assertTrue(
        found.stream().anyMatch(l -> l.startsWith("error GH")), "a GitHub rule flags it: " + found);
  }

  @Test
  void goldenReportHasNoErrors() throws Exception {
    Path bin = binary();
    Path golden = Path.of(getClass().getResource("/golden/report.sarif").toURI());
    assertEquals(
        List.of(),
        SarifMultitool.run(bin, golden).stream().filter(l -> l.startsWith("error")).toList());
  }

  @Test
  void theDocumentedCommandRunsGitHubsRulesThroughNpmsWrapper() throws Exception {
    // the docs' command, as written, through the npm command (which runs it through a shell)
    Assumptions.assumeTrue(
        io.eksnet.Tools.find("sarif-multitool") != null,
        "skipped: the sarif-multitool npm command is not on the PATH (npm install -g "
            + "@microsoft/sarif-multitool@"
            + SarifMultitool.VERSION
            + ")");
    String command =
        Files.readAllLines(Path.of("docs/github-code-scanning.md")).stream()
            .filter(l -> l.startsWith("sarif-multitool validate "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no sarif-multitool command in the docs"));
    Files.writeString(
        tmp.resolve("eksnet.sarif"),
        """
        {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
         "runs": [{"tool": {"driver": {"name": "eksnet", "rules": [{"id": "EKS-SVC-001"}]}},
                   "results": [{"ruleId": "EKS-SVC-001", "message": {"text": "x"}, "locations": []}]}]}
        """);
    for (int i = 0; i < 2; i++) { // twice: the report of an earlier run is replaced
      ProcessBuilder pb =
          new ProcessBuilder("sh", "-c", command).directory(tmp.toFile()).redirectErrorStream(true);
      pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
      Process p = pb.start();
      String console = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), command);
      assertEquals(0, p.exitValue(), command + "\n" + console);
    }
    String report = Files.readString(tmp.resolve("report.sarif"));
    assertTrue(report.contains("\"ruleId\": \"GH1015\""), "GitHub's rules ran: " + report);
    assertTrue(report.contains("\"ruleId\": \"SARIF2005\""), "and the SARIF rules: " + report);
  }
}
